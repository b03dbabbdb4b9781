// The dashboard's live CPU and Memory cards: the sum over running containers against what the engine's
// host has (CPU as a share of all its cores, memory against its total), with a bar.
import type { EngineInfo } from '@shared/engine-types';
import { SummaryCard } from '../../components/summary-card';
import { UsageBar } from '../../components/usage-bar';
import { formatBytes, formatGiB } from '../../format/bytes';
import { formatCores, formatPercent } from '../../format/stats-format';
import { hostCpuShare, type UsageTotals } from '../../model/stats-totals';

export function CpuUsageCard({ info, totals }: { info: EngineInfo; totals: UsageTotals | null }) {
  const cores = `${info.cpus} ${info.cpus === 1 ? 'core' : 'cores'}`;
  if (!totals) return <SummaryCard title="CPU" value="…" detail={`${cores} · ${info.architecture}`} />;
  const share = hostCpuShare(totals.cpuPercent, info.cpus);
  return (
    <SummaryCard
      title="CPU"
      value={formatPercent(share)}
      detail={
        <>
          <UsageBar fraction={share / 100} series="cpu" className="card-bar" />
          {`${formatCores(totals.cpuPercent / 100)} busy of ${cores} · ${info.architecture}`}
        </>
      }
    />
  );
}

export function MemoryUsageCard({ info, totals }: { info: EngineInfo; totals: UsageTotals | null }) {
  if (!totals)
    return <SummaryCard title="Memory" value="…" detail={`${formatGiB(info.memoryBytes)} available to the engine`} />;
  const share = info.memoryBytes > 0 ? (totals.memBytes / info.memoryBytes) * 100 : 0;
  return (
    <SummaryCard
      title="Memory"
      value={formatBytes(totals.memBytes)}
      detail={
        <>
          <UsageBar fraction={share / 100} className="card-bar" />
          {`${formatPercent(share)} of ${formatGiB(info.memoryBytes)} · used by running containers`}
        </>
      }
    />
  );
}
