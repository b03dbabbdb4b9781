// The Info tab of a container's page: what the engine's list says about it, the limits its live stats
// report (the engine's list does not carry them) and the others the engine enforces (limits:get).
import type { ContainerSummary } from '@shared/container-types';
import { Fact } from '../../components/fact';
import { PortList } from '../../components/port-list';
import { RelativeTime } from '../../components/relative-time';
import { StateBadge } from '../../components/state-badge';
import { formatBytes } from '../../format/bytes';
import { formatFullDate } from '../../format/relative-time';
import { formatCores } from '../../format/stats-format';
import { relativeTimeTickMs, useNow } from '../../lib/use-now';
import { valueOf } from '../../stats/series-window';
import { useLatestStats } from '../../stats/use-stats';
import { LimitsFacts } from './limits-facts';

export function ContainerInfoTab({ container }: { container: ContainerSummary }) {
  const now = useNow(relativeTimeTickMs);
  const latest = useLatestStats(container.id);
  const values = latest?.values;
  const limit = (text: string | null) => (latest ? (text ?? 'none') : 'known while it runs');
  const cores = valueOf(values, 'cpuLimitCores');
  const memory = valueOf(values, 'memLimitBytes');
  const swap = valueOf(values, 'swapLimitBytes');
  const pids = valueOf(values, 'pidsLimit');
  return (
    <section className="panel" aria-label="Container information">
      <dl className="facts">
        <Fact label="Name">{container.name}</Fact>
        <Fact label="ID">
          <span className="mono">{container.id}</span>
        </Fact>
        <Fact label="Image">{container.image}</Fact>
        <Fact label="Image ID">
          <span className="mono">{container.imageId}</span>
        </Fact>
        <Fact label="Command">
          <span className="mono">{container.command || '—'}</span>
        </Fact>
        <Fact label="State">
          <StateBadge state={container.state} /> <span className="muted">{container.status}</span>
        </Fact>
        <Fact label="Created">
          <RelativeTime epochMs={container.created * 1000} nowMs={now} />{' '}
          <span className="muted">({formatFullDate(container.created * 1000)})</span>
        </Fact>
        <Fact label="Ports">
          <PortList ports={container.ports} />
        </Fact>
        <Fact label="Compose project">{container.composeProject ?? '—'}</Fact>
        <Fact label="CPU limit">{limit(cores === null ? null : formatCores(cores))}</Fact>
        <Fact label="Memory limit">{limit(memory === null ? null : formatBytes(memory))}</Fact>
        <Fact label="Memory + swap limit">{limit(swap === null ? null : formatBytes(swap))}</Fact>
        <Fact label="Process limit">{limit(pids === null ? null : String(pids))}</Fact>
        <LimitsFacts id={container.id} />
      </dl>
    </section>
  );
}
