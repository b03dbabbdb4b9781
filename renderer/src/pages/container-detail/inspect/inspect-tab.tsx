// The Inspect tab of a container's page: readable sections of the engine's inspect (command, health, env
// with secrets masked, labels, mounts, ports, networks) above the full JSON with search and copy.
import type { ContainerTabProps } from '../container-tabs';
import { Fact } from '../../../components/fact';
import { PortList } from '../../../components/port-list';
import { QueryError } from '../../../components/query-error';
import { CommandSection } from './command-section';
import { EnvSection } from './env-section';
import { HealthSection } from './health-section';
import { JsonView } from './json-view';
import { KeyValueTable } from '../../../components/key-value-table';
import { MountsTable } from './mounts-table';
import { NetworksTable } from './networks-table';
import { useContainerLook } from './use-container-look';
import '../../../styles/inspect.css';

export function InspectTab({ container, gone }: ContainerTabProps) {
  const query = useContainerLook('containers:inspect', container, { enabled: !gone });
  const view = query.data;
  if (gone) return <p className="muted">{container.name} was removed: the engine has nothing left to inspect.</p>;
  if (query.error && !view)
    return <QueryError what={`${container.name}'s details`} error={query.error} onRetry={() => void query.refetch()} />;
  if (!view) return <p className="muted">Loading…</p>;
  return (
    <div className="inspect-tab">
      <div className="inspect-grid">
        <CommandSection view={view} />
        <HealthSection health={view.health} />
      </div>
      <EnvSection env={view.env} />
      <section className="panel inspect-section" aria-labelledby="inspect-labels">
        <h2 id="inspect-labels">Labels</h2>
        <KeyValueTable rows={view.labels} empty="No labels." />
      </section>
      <section className="panel inspect-section" aria-labelledby="inspect-mounts">
        <h2 id="inspect-mounts">Mounts</h2>
        <MountsTable mounts={view.mounts} />
      </section>
      <section className="panel inspect-section" aria-labelledby="inspect-network">
        <h2 id="inspect-network">Ports and networks</h2>
        <dl className="facts">
          <Fact label="Ports">
            <PortList ports={view.ports} />
          </Fact>
        </dl>
        <NetworksTable networks={view.networks} mode={view.networkMode} />
      </section>
      <JsonView raw={view.raw} />
    </div>
  );
}
