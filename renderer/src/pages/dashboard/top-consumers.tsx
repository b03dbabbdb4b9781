// The dashboard's Top consumers panel: the five running containers using the most CPU and the most
// memory, each name linking to the container's page, with a bar relative to the first of its list.
import { useId } from 'react';
import { Link } from 'react-router';
import type { ContainerSummary } from '@shared/container-types';
import { UsageBar } from '../../components/usage-bar';
import { formatBytes } from '../../format/bytes';
import { formatPercent } from '../../format/stats-format';
import { topConsumers, type Consumer } from '../../model/stats-totals';
import type { LatestStats } from '../../stats/series-store';
import { containerPath } from '../containers/container-columns';

export function TopConsumers({
  containers,
  latest,
}: {
  containers: readonly ContainerSummary[];
  latest: ReadonlyMap<string, LatestStats>;
}) {
  const id = useId();
  const byCpu = topConsumers(containers, latest, 'cpuPercent');
  const byMemory = topConsumers(containers, latest, 'memBytes');
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>Top consumers</h2>
      <div className="top-columns">
        <TopList title="By CPU (% of one core)" series="cpu" consumers={byCpu} format={(c) => formatPercent(c.value)} />
        <TopList title="By memory" series="mem" consumers={byMemory} format={(c) => formatBytes(c.value)} />
      </div>
    </section>
  );
}

interface TopListProps {
  title: string;
  series: 'cpu' | 'mem';
  consumers: readonly Consumer[];
  format: (c: Consumer) => string;
}

function TopList({ title, series, consumers, format }: TopListProps) {
  const id = useId();
  const top = consumers[0]?.value ?? 0;
  return (
    <div className="top-list-block">
      <h3 id={id} className="top-list-title">
        {title}
      </h3>
      {consumers.length === 0 ? (
        <p className="muted">No running containers report stats yet.</p>
      ) : (
        <ol className="top-list" aria-labelledby={id}>
          {consumers.map((consumer) => (
            <li key={consumer.id} className="top-item">
              <Link to={containerPath(consumer)} className="top-name" title={consumer.name}>
                {consumer.name}
              </Link>
              <span className="top-value numeric">{format(consumer)}</span>
              <UsageBar
                fraction={top > 0 ? consumer.value / top : 0}
                variant="relative"
                series={series}
                className="top-bar"
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
