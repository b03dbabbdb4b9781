// VM vs containers: what the VM was given, what the guest uses and what it costs the host (`engines:vm-usage`,
// every few seconds while shown; Compact gives freed disk space back), and what its running containers use (the
// live stats, streamed for the active engine only), so a user sees where the resources go.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Meter } from 'react-aria-components';
import type { EngineView } from '@shared/engine-manager-types';
import { QueryError } from '../../components/query-error';
import { channelKey } from '../../data/channel-query';
import { useBerthClient } from '../../data/client-context';
import { useAllLatestStats, useStatsWatch } from '../../stats/use-stats';
import { VmCompact } from './vm-compact';
import { containersUse, usageRows, type ContainersUse, type UsageRow } from './vm-usage-model';

const REFRESH_MS = 5_000;

export function VmUsagePanel({ engine }: { engine: EngineView }) {
  return engine.active ? <ActiveVmUsage engine={engine} /> : <VmUsageBody engine={engine} containers={null} />;
}

/** Only the active engine's containers are in the stats store: watching all of them here is what fills it. */
function ActiveVmUsage({ engine }: { engine: EngineView }) {
  useStatsWatch({ all: true });
  const latest = useAllLatestStats();
  return <VmUsageBody engine={engine} containers={containersUse(latest)} />;
}

function VmUsageBody({ engine, containers }: { engine: EngineView; containers: ContainersUse | null }) {
  const client = useBerthClient();
  const titleId = useId();
  const { id, vm } = engine;
  const running = engine.providerState === 'running' && engine.connection.state === 'connected';
  const usage = useQuery({
    queryKey: channelKey('engines:vm-usage', { id }),
    queryFn: () => client.invoke('engines:vm-usage', { id }),
    enabled: running,
    refetchInterval: REFRESH_MS,
  });
  // The same query as the Disk usage table below, so it is asked once.
  const df = useQuery({
    queryKey: channelKey('engines:disk-usage', { id }),
    queryFn: () => client.invoke('engines:disk-usage', { id }),
    enabled: running,
    staleTime: 30_000,
  });
  if (!vm) return null;
  const dfBytes = df.data
    ? df.data.images.sizeBytes + df.data.containers.sizeBytes + df.data.volumes.sizeBytes + df.data.buildCache.sizeBytes
    : null;
  const rows = usageRows(
    vm,
    running ? (usage.data ?? null) : null,
    running ? containers : null,
    running ? dfBytes : null,
  );
  return (
    <section className="engine-subsection" aria-labelledby={titleId}>
      <h3 id={titleId}>VM vs containers</h3>
      {!running && <p className="muted">What the VM and its containers use shows while it is running.</p>}
      {running && usage.error && (
        <QueryError what="the VM's usage" error={usage.error} onRetry={() => void usage.refetch()} />
      )}
      {running && usage.isPending && <p className="muted">Asking the VM…</p>}
      <div className="vm-usage">
        {rows.map((row) => (
          <UsageRowView key={row.resource} row={row} />
        ))}
      </div>
      {running && <VmCompact id={id} />}
      {running && containers && (
        <p className="muted">{`${containers.running} running ${containers.running === 1 ? 'container' : 'containers'}; the VM's share includes the engine and the guest system.`}</p>
      )}
      {running && !containers && (
        <p className="muted">
          Its containers' CPU and memory show when it is the active engine: make it active to see its containers.
        </p>
      )}
    </section>
  );
}

function UsageRowView({ row }: { row: UsageRow }) {
  return (
    <div className="vm-usage-row">
      <div className="vm-usage-head">
        <span className="vm-usage-resource">{row.resource}</span>
        <span className="muted">{`Allotted: ${row.allotted}`}</span>
      </div>
      {row.bars.map((bar) => (
        <Meter
          key={bar.label}
          className="vm-usage-meter"
          value={bar.percent}
          valueLabel={bar.text}
          aria-label={`${row.resource} used by ${bar.label}`}
        >
          {({ percentage, valueText }) => (
            <>
              <div className="vm-usage-meter-text">
                <span>{bar.label}</span>
                <span className="mono">{valueText}</span>
              </div>
              <div className="vm-usage-bar">
                <div className={`vm-usage-fill vm-usage-fill-${bar.kind}`} style={{ width: `${percentage}%` }} />
              </div>
            </>
          )}
        </Meter>
      ))}
    </div>
  );
}
