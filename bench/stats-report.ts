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
  /** Berth: with the spinner focused (what its chart gets). */
  latencyMs?: number;
  /** Berth: with nothing focused. */
  unfocusedLatencyMs?: number;
}

const percentOf = (cpuSeconds: number, window: WindowResult) => (cpuSeconds / window.seconds) * 100;

/** The engine's CPU with nobody reading stats, in % of one core: the mean of the idle windows. */
export function idleEnginePercent(result: CountResult): number {
  return result.idle.reduce((sum, window) => sum + percentOf(window.engineCpuSeconds, window), 0) / result.idle.length;
}

/** CPU and memory of one reader's window, against the idle engine. */
function windowFigures(result: CountResult, window: WindowResult): ReaderFigures {
  const readerPercent = percentOf(window.readerCpuSeconds ?? Number.NaN, window);
  // A reader cannot take CPU from the engine: a window below the idle baseline is the engine's own noise
  // (a percent or so of a core at 100 containers), counted as 0 rather than as a saving.
  const extraEnginePercent = Math.max(0, percentOf(window.engineCpuSeconds, window) - idleEnginePercent(result));
  return {
    readerPercent,
    extraEnginePercent,
    totalPercent: readerPercent + extraEnginePercent,
    rssMb: (window.readerRssBytes ?? Number.NaN) / 2 ** 20,
  };
}

export function readerFigures(result: CountResult, kind: ReaderKind): ReaderFigures {
  const { window, latencies, unfocusedLatencies } = result.readers[kind];
  const latencyMs = latencies?.length ? median(latencies) : undefined;
  const unfocusedLatencyMs = unfocusedLatencies?.length ? median(unfocusedLatencies) : undefined;
  if (!window) return { latencyMs, unfocusedLatencyMs };
  const figures: ReaderFigures = { ...windowFigures(result, window), latencyMs, unfocusedLatencyMs };
  // The CLI redraws every 0.5 s whether or not the engine sent a new sample, so its lines are no sample rate.
  if (kind !== 'cli') {
    const total = [...window.samples.values()].reduce((sum, count) => sum + count, 0);
    figures.samplesPerContainerPerSecond = total / window.samples.size / window.seconds;
  }
  return figures;
}

/** Berth recording always-on with nobody watching; its reader % is `always_on_pct` (the core's CPU). */
export function alwaysOnFigures(result: CountResult): ReaderFigures {
  return result.alwaysOn.window ? windowFigures(result, result.alwaysOn.window) : {};
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
        fmt(figures.unfocusedLatencyMs, 0),
      ];
    }),
    alwaysOnRow(result, cli),
  ];
  const header = [
    'reader',
    'reader CPU % of one core',
    'extra engine CPU % of one core',
    'total %',
    'ratio total / CLI total',
    'samples/container/s',
    'RSS MiB',
    'median latency ms (Berth: the container focused, as its chart)',
    'median latency ms, nothing focused',
  ];
  return markdownTable(header, rows);
}

function alwaysOnRow(result: CountResult, cli: ReaderFigures): string[] {
  const figures = alwaysOnFigures(result);
  const failed = result.alwaysOn.errors.length > 0 ? ' (failed, see log)' : '';
  return [
    `Berth, cgroup collector, recording always-on, nobody watching${failed}`,
    fmt(figures.readerPercent, 2),
    fmt(figures.extraEnginePercent, 2),
    fmt(figures.totalPercent, 2),
    fmt((figures.totalPercent ?? Number.NaN) / (cli.totalPercent ?? Number.NaN), 3),
    '—',
    fmt(figures.rssMb, 1),
    '—',
    '—',
  ];
}

/**
 * `containers=<N> ratio=<x> latency_ms=<y> rss_mb=<z> hz=<w>` for the cgroup collector (latency with the spinner
 * focused, as its chart gets it; the ratio's window focuses nothing), then `always_on_pct` (the core's CPU
 * recording always-on, nobody watching) and both sides of the ratio and the latency: `berth_pct` and `cli_pct`
 * (total %, reader and extra engine), `cli_latency_ms`, and `latency_unfocused_ms` (nothing focused).
 */
export function summaryLine(result: CountResult): string {
  const cli = readerFigures(result, 'cli');
  const cgroup = readerFigures(result, 'cgroup');
  const alwaysOn = alwaysOnFigures(result);
  const ratio = (cgroup.totalPercent ?? Number.NaN) / (cli.totalPercent ?? Number.NaN);
  // A parser gets NaN for a value that was not measured, not a dash.
  const num = (value: number | undefined, digits: number) =>
    value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : 'NaN';
  return (
    `containers=${result.containers} ratio=${num(ratio, 3)} latency_ms=${num(cgroup.latencyMs, 0)} rss_mb=${num(cgroup.rssMb, 1)} hz=${num(cgroup.samplesPerContainerPerSecond, 2)}` +
    ` always_on_pct=${num(alwaysOn.readerPercent, 2)} berth_pct=${num(cgroup.totalPercent, 2)} cli_pct=${num(cli.totalPercent, 2)} cli_latency_ms=${num(cli.latencyMs, 0)} latency_unfocused_ms=${num(cgroup.unfocusedLatencyMs, 0)}`
  );
}
