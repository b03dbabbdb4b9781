// The dashboard's Top consumers panel: the five containers using the most CPU and the most memory, live
// (running containers, from the stats store) or over a recorded range (1 h, 1 day, 7 days, from
// `stats:top`: the mean, with the peak and limit beside it, removed containers included by their id). Each
// name links to the container's page while it exists, with a bar relative to the first of its list.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { Link } from 'react-router';
import type { ContainerSummary } from '@shared/container-types';
import type { TopConsumer } from '@shared/stats-history-types';
import { UsageBar } from '../../components/usage-bar';
import { useBerthClient } from '../../data/client-context';
import { formatBytes } from '../../format/bytes';
import { formatCores, formatPercent } from '../../format/stats-format';
import { topConsumers } from '../../model/stats-totals';
import type { LatestStats } from '../../stats/series-store';
import { containerPath } from '../containers/container-columns';

const ranges = [
  { seconds: 0, label: 'Live' },
  { seconds: 3600, label: '1 h' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 7 * 86_400, label: '7 days' },
] as const;

/** One line of a top list, live or recorded. */
export interface TopLine {
  id: string;
  /** null: the container was removed (its recorded history outlives it). */
  name: string | null;
  value: number;
  /** "peak 95.1 % · limit 0.5 cores" for a range; absent live. */
  detail?: string;
}

export function TopConsumers({
  containers,
  latest,
}: {
  containers: readonly ContainerSummary[];
  latest: ReadonlyMap<string, LatestStats>;
}) {
  const id = useId();
  const [seconds, setSeconds] = useState(0);
  const recorded = useRecordedTop(seconds);
  const live = seconds === 0;
  const byCpu: TopLine[] = live ? topConsumers(containers, latest, 'cpuPercent') : recorded.cpu;
  const byMemory: TopLine[] = live ? topConsumers(containers, latest, 'memBytes') : recorded.memory;
  const empty = live
    ? 'No running containers report stats yet.'
    : recorded.pending
      ? 'Reading…'
      : 'Nothing recorded in this range.';
  return (
    <section className="panel" aria-labelledby={id}>
      <header className="totals-header">
        <h2 id={id}>Top consumers</h2>
        <ToggleButtonGroup
          aria-label="Top consumers over"
          className="segmented"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[String(seconds)]}
          onSelectionChange={(keys: Set<Key>) => {
            const [key] = keys;
            if (key !== undefined) setSeconds(Number(key));
          }}
        >
          {ranges.map((range) => (
            <ToggleButton key={range.seconds} id={String(range.seconds)} className="segmented-button">
              {range.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </header>
      {recorded.error && !live && (
        <p className="stats-error" role="alert">
          Could not read the recorded history: {recorded.error.message}
        </p>
      )}
      <div className="top-columns">
        <TopList
          title={live ? 'By CPU (% of one core)' : 'By CPU, mean (% of one core)'}
          series="cpu"
          consumers={byCpu}
          format={formatPercent}
          empty={empty}
        />
        <TopList
          title={live ? 'By memory' : 'By memory, mean'}
          series="mem"
          consumers={byMemory}
          format={formatBytes}
          empty={empty}
        />
      </div>
    </section>
  );
}

function useRecordedTop(seconds: number) {
  const client = useBerthClient();
  const query = useQuery({
    queryKey: ['stats:top', { seconds }],
    queryFn: async () => {
      const from = Date.now() - seconds * 1000;
      const [cpu, memory] = await Promise.all([
        client.invoke('stats:top', { from, by: 'cpu', limit: 5 }),
        client.invoke('stats:top', { from, by: 'memory', limit: 5 }),
      ]);
      return { cpu: cpu.map((c) => recordedLine(c, 'cpu')), memory: memory.map((c) => recordedLine(c, 'memory')) };
    },
    enabled: seconds > 0,
    refetchInterval: 60_000,
  });
  return { cpu: query.data?.cpu ?? [], memory: query.data?.memory ?? [], pending: query.isPending, error: query.error };
}

function recordedLine(consumer: TopConsumer, by: 'cpu' | 'memory'): TopLine {
  const peak = by === 'cpu' ? formatPercent(consumer.max) : formatBytes(consumer.max);
  const limit =
    consumer.limit === null
      ? 'no limit'
      : `limit ${by === 'cpu' ? formatCores(consumer.limit) : formatBytes(consumer.limit)}`;
  return { id: consumer.id, name: consumer.name, value: consumer.mean, detail: `peak ${peak} · ${limit}` };
}

interface TopListProps {
  title: string;
  series: 'cpu' | 'mem';
  consumers: readonly TopLine[];
  format: (value: number) => string;
  empty: string;
}

function TopList({ title, series, consumers, format, empty }: TopListProps) {
  const id = useId();
  const top = consumers[0]?.value ?? 0;
  return (
    <div className="top-list-block">
      <h3 id={id} className="top-list-title">
        {title}
      </h3>
      {consumers.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="top-list" aria-labelledby={id}>
          {consumers.map((consumer) => (
            <li key={consumer.id} className="top-item">
              {consumer.name === null ? (
                <span className="top-name muted">(removed) {consumer.id.slice(0, 12)}</span>
              ) : (
                <Link to={containerPath(consumer)} className="top-name" title={consumer.name}>
                  {consumer.name}
                </Link>
              )}
              <span className="top-value numeric">{format(consumer.value)}</span>
              {consumer.detail && <span className="top-detail muted numeric">{consumer.detail}</span>}
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
