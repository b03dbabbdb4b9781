// The Isolation tab: what makes this a container rather than a process, in the kernel's terms and with this
// container's own facts: its processes (PID namespace), its network identity (network namespace), its
// filesystem (image layers, mounts, its own changes) and its limits (cgroups, tuned on the Stats tab).
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
import { PortList } from '../../../components/port-list';
import { QueryError } from '../../../components/query-error';
import { containerTabPath } from '../container-tab-list';
import type { ContainerTabProps } from '../container-tabs';
import { MountsTable } from '../inspect/mounts-table';
import { NetworksTable } from '../inspect/networks-table';
import { useContainerLook } from '../inspect/use-container-look';
import { ChangesList } from './changes-list';
import { ProcessesSection } from './processes-section';
import '../../../styles/inspect.css';

export function IsolationTab({ container, gone }: ContainerTabProps) {
  const inspect = useContainerLook('containers:inspect', container, { enabled: !gone });
  const changes = useContainerLook('containers:changes', container, { enabled: !gone });
  const view = inspect.data;
  if (gone) return <p className="muted">{container.name} was removed: nothing of it is left to look at.</p>;
  return (
    <div className="inspect-tab">
      <p className="isolation-intro">
        A container is ordinary processes on this computer’s kernel, which gives them their own view of the system:
        their own processes, network and filesystem, and limits on what they may use. Here is each, for {container.name}
        .
      </p>
      <ProcessesSection container={container} gone={gone} />
      <section className="panel inspect-section" aria-labelledby="isolation-network">
        <h2 id="isolation-network">Its own network identity</h2>
        <p className="isolation-why">
          Its own network namespace gives it its own interfaces, IP and MAC addresses, routes and ports. Other
          containers on the same network reach it by its address or name; this computer reaches it through the ports it
          publishes.
        </p>
        {inspect.error && !view ? (
          <QueryError what="its network" error={inspect.error} onRetry={() => void inspect.refetch()} />
        ) : view ? (
          <>
            <NetworksTable networks={view.networks} mode={view.networkMode} />
            <dl className="facts">
              <Fact label="Published ports">
                <PortList ports={view.ports} />
              </Fact>
            </dl>
          </>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
      <section className="panel inspect-section" aria-labelledby="isolation-filesystem">
        <h2 id="isolation-filesystem">Its own filesystem</h2>
        <p className="isolation-why">
          Its mount namespace gives it its own root: the image’s read-only layers under a writable layer of its own,
          which is where everything it writes goes. Mounts add folders of this computer and volumes.
        </p>
        {view && <MountsTable mounts={view.mounts} />}
        <div className="changes-header">
          <h3>Changes against its image</h3>
          <Button className="button button-small" onPress={() => void changes.refetch()} isPending={changes.isFetching}>
            Refresh changes
          </Button>
        </div>
        {changes.error && !changes.data ? (
          <QueryError what="its changes" error={changes.error} onRetry={() => void changes.refetch()} />
        ) : changes.data ? (
          <ChangesList changes={changes.data.changes} />
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
      <section className="panel inspect-section" aria-labelledby="isolation-limits">
        <h2 id="isolation-limits">Its limits</h2>
        <p className="isolation-why">
          Its cgroup caps what it may use of this computer: CPU time, memory, the number of processes. Without limits it
          may use everything, like any process.
        </p>
        <p>
          <Link to={containerTabPath(container.name, 'stats')}>See and change its limits in the Limits panel</Link>
        </p>
      </section>
    </div>
  );
}
