// Turns the stats benchmark's measurements into the markdown tables and the machine-readable summary lines.
import { fmt, markdownTable, median } from './table';
import type { CountResult, ReaderKind } from './stats-run';
import type { WindowResult } from './stats-window';

const labels: Record<ReaderKind, string> = {
  cli: '`docker stats` CLI',
  cgroup: 'Berth, cgroup collector',
  api: 'Berth, API collector',
};

export interface ReaderFigures {
  readerPercent?: number;
  extraEnginePercent?: number;
  totalPercent?: number;
  samplesPerContainerPerSecond?: number;
  rssMb?: number;
  latencyMs?: number;
}

const percentOf = (cpuSeconds: number, window: WindowResult) => (cpuSeconds / window.seconds) * 100;

/** The engine's CPU with nobody reading stats, in % of one core: the mean of the idle windows. */
export function idleEnginePercent(result: CountResult): number {
  return result.idle.reduce((sum, window) => sum + percentOf(window.engineCpuSeconds, window), 0) / result.idle.length;
}

export function readerFigures(result: CountResult, kind: ReaderKind): ReaderFigures {
  const { window, latencies } = result.readers[kind];
  const figures: ReaderFigures = { latencyMs: latencies?.length ? median(latencies) : undefined };
  if (!window) return figures;
  figures.readerPercent = percentOf(window.readerCpuSeconds ?? Number.NaN, window);
  figures.extraEnginePercent = percentOf(window.engineCpuSeconds, window) - idleEnginePercent(result);
  figures.totalPercent = figures.readerPercent + figures.extraEnginePercent;
  figures.rssMb = (window.readerRssBytes ?? Number.NaN) / 2 ** 20;
  // The CLI redraws every 0.5 s whether or not the engine sent a new sample, so its lines are no sample rate.
  if (kind !== 'cli') {
    const total = [...window.samples.values()].reduce((sum, count) => sum + count, 0);
    figures.samplesPerContainerPerSecond = total / window.samples.size / window.seconds;
  }
  return figures;
}

export function countTable(result: CountResult): string {
  const cli = readerFigures(result, 'cli');
  const idle = idleEnginePercent(result);
  const rows = [
    [
      'engine idle (nobody reads stats)',
      '—',
      `(baseline ${fmt(idle, 2)} % absolute)`,
      fmt(idle, 2),
      '—',
      '—',
      '—',
      '—',
    ],
    ...(['cli', 'cgroup', 'api'] as const).map((kind) => {
      const figures = readerFigures(result, kind);
      const ratio = (figures.totalPercent ?? Number.NaN) / (cli.totalPercent ?? Number.NaN);
      const failed = result.readers[kind].errors.length > 0 ? ' (failed, see log)' : '';
      return [
        `${labels[kind]}${failed}`,
        fmt(figures.readerPercent, 2),
        fmt(figures.extraEnginePercent, 2),
        fmt(figures.totalPercent, 2),
        kind === 'cli' ? '1' : fmt(ratio, 3),
        fmt(figures.samplesPerContainerPerSecond, 2),
        fmt(figures.rssMb, 1),
        fmt(figures.latencyMs, 0),
      ];
    }),
  ];
  const header = [
    'reader',
    'reader CPU % of one core',
    'extra engine CPU % of one core',
    'total %',
    'ratio total / CLI total',
    'samples/container/s',
    'RSS MiB',
    'median latency ms',
  ];
  return markdownTable(header, rows);
}

/** `containers=<N> ratio=<x> latency_ms=<y> rss_mb=<z> hz=<w>` for the cgroup collector. */
export function summaryLine(result: CountResult): string {
  const cli = readerFigures(result, 'cli');
  const cgroup = readerFigures(result, 'cgroup');
  const ratio = (cgroup.totalPercent ?? Number.NaN) / (cli.totalPercent ?? Number.NaN);
  // A parser gets NaN for a value that was not measured, not a dash.
  const num = (value: number | undefined, digits: number) =>
    value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : 'NaN';
  return `containers=${result.containers} ratio=${num(ratio, 3)} latency_ms=${num(cgroup.latencyMs, 0)} rss_mb=${num(cgroup.rssMb, 1)} hz=${num(cgroup.samplesPerContainerPerSecond, 2)}`;
}
