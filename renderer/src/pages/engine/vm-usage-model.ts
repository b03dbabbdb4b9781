// The "VM vs containers" rows: what the VM was given, what the guest says it uses, and what its running
// containers use (the live stats), as bars with sizes and percentages. Pure, so the sums are tested alone.
import type { EngineView, VmCompactResult, VmUsage } from '@shared/engine-manager-types';
import { statsFields } from '@shared/stats-types';
import type { LatestStats } from '../../stats/series-store';
import { formatBytes } from '../../format/bytes';

const CPU = statsFields.indexOf('cpuPercent');
const MEM = statsFields.indexOf('memBytes');
const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

export interface ContainersUse {
  running: number;
  /** In % of one host core, summed (`docker stats` style). */
  cpuPercent: number;
  memBytes: number;
}

/** Sums the newest sample of every container whose series has not ended (the running ones). */
export function containersUse(latest: ReadonlyMap<string, LatestStats>): ContainersUse {
  let running = 0;
  let cpuPercent = 0;
  let memBytes = 0;
  for (const stats of latest.values()) {
    if (stats.ended) continue;
    running += 1;
    cpuPercent += stats.values[CPU] ?? 0;
    memBytes += stats.values[MEM] ?? 0;
  }
  return { running, cpuPercent, memBytes };
}

export interface UsageBar {
  /** `VM`, `On the host`, `Containers`. */
  label: string;
  /** Its colour: the guest's view, the host's cost (QEMU's memory, the disk file), or the containers'. */
  kind: 'vm' | 'host' | 'containers';
  /** 0–100, for the bar's width and its aria value. */
  percent: number;
  /** `1.2 GiB of 2 GiB (60%)`. */
  text: string;
}

export interface UsageRow {
  resource: 'CPU' | 'Memory' | 'Disk';
  allotted: string;
  bars: UsageBar[];
}

type VmSize = NonNullable<EngineView['vm']>;

/** `containers` null: not the active engine, so its containers' stats are not streamed. */
export function usageRows(
  size: VmSize,
  usage: VmUsage | null,
  containers: ContainersUse | null,
  containersDiskBytes: number | null,
): UsageRow[] {
  const memTotal = usage?.memTotalBytes ?? size.memoryMiB * MIB;
  const diskTotal = usage?.diskTotalBytes ?? size.diskGiB * GIB;
  const cpuOfVm = (coresPercent: number) => coresPercent / size.cpus;
  return [
    {
      resource: 'CPU',
      allotted: `${size.cpus} ${size.cpus === 1 ? 'CPU' : 'CPUs'}`,
      bars: [
        ...(usage
          ? [bar('VM', 'vm', usage.cpuBusyPercent, `${percentText(usage.cpuBusyPercent)} of ${size.cpus} CPUs`)]
          : []),
        ...(containers
          ? [
              bar(
                'Containers',
                'containers',
                cpuOfVm(containers.cpuPercent),
                `${percentText(cpuOfVm(containers.cpuPercent))} (${percentText(containers.cpuPercent)} of one core)`,
              ),
            ]
          : []),
      ],
    },
    {
      resource: 'Memory',
      allotted: formatBytes(size.memoryMiB * MIB),
      bars: [
        ...(usage ? [sizeBar('VM', 'vm', usage.memUsedBytes, memTotal)] : []),
        // QEMU's resident memory: what the host gives the VM now; it falls as the guest frees pages (balloon).
        // Not a share of the VM's memory: it includes QEMU itself (under emulation, its translated code too).
        ...(usage?.hostMemBytes != null ? [hostMemoryBar(usage.hostMemBytes, memTotal)] : []),
        ...(containers ? [sizeBar('Containers', 'containers', containers.memBytes, memTotal)] : []),
      ],
    },
    {
      resource: 'Disk',
      allotted: formatBytes(size.diskGiB * GIB),
      bars: [
        ...(usage ? [sizeBar('VM', 'vm', usage.diskUsedBytes, diskTotal)] : []),
        // The sparse disk file's allocated blocks: it shrinks when the guest trims what it freed.
        ...(usage?.hostDiskBytes != null ? [sizeBar('On the host', 'host', usage.hostDiskBytes, diskTotal)] : []),
        ...(containersDiskBytes !== null
          ? [sizeBar('Images, containers, volumes', 'containers', containersDiskBytes, diskTotal)]
          : []),
      ],
    },
  ];
}

/** `The disk file shrank by 290 MiB (1.3 GiB → 1 GiB).` */
export function compactSummary(result: VmCompactResult): string {
  const sizes = `${formatBytes(result.beforeBytes)} → ${formatBytes(result.afterBytes)}`;
  return result.shrunkBytes > 0
    ? `The disk file shrank by ${formatBytes(result.shrunkBytes)} (${sizes}).`
    : `Nothing to give back: the disk file stays at ${formatBytes(result.afterBytes)}.`;
}

function hostMemoryBar(bytes: number, total: number): UsageBar {
  return bar('On the host', 'host', total > 0 ? (bytes / total) * 100 : 0, `${formatBytes(bytes)} in QEMU`);
}

function sizeBar(label: string, kind: UsageBar['kind'], used: number, total: number): UsageBar {
  const percent = total > 0 ? (used / total) * 100 : 0;
  return bar(label, kind, percent, `${formatBytes(used)} of ${formatBytes(total)} (${percentText(percent)})`);
}

function bar(label: string, kind: UsageBar['kind'], percent: number, text: string): UsageBar {
  return { label, kind, percent: Math.min(100, Math.max(0, percent)), text };
}

function percentText(percent: number): string {
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}
