// Each benchmark's figures as `npm run bench` reports them: which key of the bench's last line holds the figure,
// what it measures, Berth's and the peer's own measures (templates filled from the same line: `{key}`), and its
// goal. Goals come from the issues (16: stats, ui, `npm run bench`; the ops bench's own figures) and the benches'
// headers; a figure whose issue and bench state no goal has none here (the report shows "—"). Data only: the
// judging is in all-judge.ts.

export type GoalOp = '<=' | '<' | '=' | '>=';

/** A threshold the figure is judged against, or a goal stated in words that is shown but not judged. */
export type Goal = { op: GoalOp; value: number; unit?: string } | { text: string };

export interface FigureSpec {
  /** The key on the bench's last line whose value is judged (a ratio, a count or a measure). */
  key: string;
  label: string;
  /** The unit of the key's value ('' for a ratio or a count). */
  unit: string;
  /** Berth's own measure, e.g. '{berth_ms} ms'. */
  berth?: string;
  /** The peer and its measure in the same run, e.g. '`docker pull`: {cli_ms} ms'; absent: no peer. */
  peer?: string;
  goal?: Goal;
  /** The goal holds only on the line where this key has this value (stats: at 100 containers). */
  goalWhen?: { key: string; value: number };
}

const at100 = { key: 'containers', value: 100 };

const stats: FigureSpec[] = [
  {
    key: 'ratio',
    label: "stats' CPU (reader + extra engine, one client watching every container), Berth cgroup / `docker stats`",
    unit: '',
    berth: '{berth_pct} % of a core',
    peer: '`docker stats`: {cli_pct} %',
    goal: { op: '<=', value: 0.03 },
    goalWhen: at100,
  },
  {
    key: 'always_on_pct',
    label: "Berth's core recording every running container always-on, nobody watching, % of one core",
    unit: '%',
    berth: '{always_on_pct} %',
    peer: '— (`docker stats` keeps no history)',
    goal: { op: '<=', value: 1.0, unit: '%' },
    goalWhen: at100,
  },
  {
    key: 'latency_ms',
    label:
      'median latency from a CPU change to the sample showing it (what the chart draws: its container focused), cgroup collector',
    unit: 'ms',
    berth: '{latency_ms} ms (nothing focused, as the table: {latency_unfocused_ms} ms)',
    peer: '`docker stats`: {cli_latency_ms} ms',
    goal: { op: '<=', value: 400, unit: 'ms' },
    goalWhen: at100,
  },
  { key: 'rss_mb', label: "Berth's RSS with the cgroup collector, MiB", unit: 'MiB', berth: '{rss_mb} MiB' },
  { key: 'hz', label: 'samples per container per second, cgroup collector', unit: '/s', berth: '{hz}' },
];

const history: FigureSpec[] = [
  {
    key: 'store_mb_per_container_day',
    label: 'stats history on disk, MB per container-day (7 days kept at 1 Hz)',
    unit: 'MB',
    berth: '{store_mb_per_container_day} MB',
    peer: 'SQLite (better-sqlite3): {sqlite_store_mb_per_container_day} MB',
    goal: { op: '<=', value: 1.0, unit: 'MB' },
  },
  {
    key: 'write_cpu_ms_per_tick',
    label: 'history write CPU per 1 Hz tick, 100 containers, ms',
    unit: 'ms',
    berth: '{write_cpu_ms_per_tick} ms',
    peer: 'SQLite: {sqlite_write_cpu_ms_per_tick} ms',
  },
  {
    key: 'read_7d_ms',
    label: 'read a 7-day range of one container, ms (median of 20)',
    unit: 'ms',
    berth: '{read_7d_ms} ms',
    peer: 'SQLite: {sqlite_read_7d_ms} ms',
  },
];

const statsTop: FigureSpec[] = [
  {
    key: 'stats_top_7d_100_ms',
    label: "`stats:top` (the Dashboard's top consumers) over 7 days of 100 containers' history, ms (median of 5)",
    unit: 'ms',
    berth: '{stats_top_7d_100_ms} ms',
  },
];

const pull: FigureSpec[] = [
  {
    key: 'ratio',
    label: 'pull of the same image (4 × 10 MiB layers) from a local registry, Berth / `docker pull` (medians of 5)',
    unit: '',
    berth: '{berth_ms} ms',
    peer: '`docker pull`: {cli_ms} ms',
  },
];

const startup: FigureSpec[] = [
  {
    key: 'ratio',
    label: '`serve` launch → 20 containers visible in Chromium, Berth / `docker ps -a` (medians of 5)',
    unit: '',
    berth: '{startup_ms} ms',
    peer: '`docker ps -a`: {docker_ps_ms} ms',
  },
  { key: 'ready_ms', label: '… of which `serve` printing its link, ms', unit: 'ms', berth: '{ready_ms} ms' },
];

const ui: FigureSpec[] = [
  {
    key: 'browser_pct',
    label: 'Containers page live (100 containers, 60 s): browser CPU over all its processes, % of one core',
    unit: '%',
    berth: '{browser_pct} %',
    peer: "— (same window: Berth's core {core_pct} %, engine {engine_pct} %)",
    goal: { op: '<=', value: 3, unit: '%' },
  },
  {
    key: 'long_tasks',
    label: "a container's charts open: long tasks > 50 ms",
    unit: '',
    berth: '{long_tasks}',
    goal: { op: '=', value: 0 },
  },
  {
    key: 'heap_growth_pct',
    label: "a container's charts open: JS heap after GC, last minute against minute 1, % growth",
    unit: '%',
    berth: '{heap_growth_pct} %',
    goal: { op: '<', value: 5, unit: '%' },
  },
  {
    key: 'startup_ms',
    label: '`serve` launch → 100 containers visible in Chromium, ms (median of 5)',
    unit: 'ms',
    berth: '{startup_ms} ms',
    peer: '`docker ps -a`: {docker_ps_ms} ms',
    goal: { op: '<=', value: 800, unit: 'ms' },
  },
];

/** The terminal's three end points, in Chromium as it comes and with the Electron shell's switches. */
function execFigures(prefix: 'exec_rtt' | 'exec_rtt_shell', where: string): FigureSpec[] {
  const sides = (key: string, peer: string) => ({ berth: `{${key}_berth} ms`, peer: `${peer}: {${key}_peer} ms` });
  const pty = '`docker exec -it` reading its pty';
  return [
    {
      key: `${prefix}_ratio`,
      label: `keystroke → echo in the terminal's rows, ${where}, median of 100`,
      unit: '',
      ...sides(`${prefix}_ratio`, pty),
      goal: { op: '<=', value: 1.5 },
    },
    {
      key: `${prefix}_page_ratio`,
      label: `keystroke → echo reaches the page, ${where}`,
      unit: '',
      ...sides(`${prefix}_page_ratio`, pty),
    },
    {
      key: `${prefix}_painted_over_floor`,
      label: `keystroke → echo painted, ${where}`,
      unit: '',
      ...sides(`${prefix}_painted_over_floor`, 'xterm.js alone echoing locally'),
    },
  ];
}

const ops: FigureSpec[] = [
  {
    key: 'logs_ratio',
    label: 'open the Logs tab on 100k lines → last line visible (median of 5)',
    unit: '',
    berth: '{logs_ratio_berth} ms',
    peer: '`docker logs` printing them: {logs_ratio_peer} ms',
    goal: { op: '<=', value: 1.0 },
  },
  {
    key: 'logs_follow_lines_per_s',
    label: 'lines a second reaching the view while following (30 s)',
    unit: 'lines/s',
    berth: '{logs_follow_lines_per_s} lines/s',
    goal: { text: '≈ 10k (what the container writes)' },
  },
  {
    key: 'logs_follow_long_tasks',
    label: 'long tasks > 50 ms while following ~10k lines/s for 30 s',
    unit: '',
    berth: '{logs_follow_long_tasks}',
    goal: { op: '=', value: 0 },
  },
  ...execFigures('exec_rtt', 'Chromium'),
  ...execFigures('exec_rtt_shell', "Chromium with the Electron shell's switches"),
];

const vm: FigureSpec[] = [
  {
    key: 'ratio',
    label: 'VM boot, QEMU start → engine ready / kernel-only boot of the same kernel',
    unit: '',
    berth: '{ready_s} s',
    peer: 'kernel-only boot: {kernel_s} s',
  },
  {
    key: 'idle_cpu_pct',
    label: 'idle VM (engine up, no containers), % of one host core',
    unit: '%',
    berth: '{idle_cpu_pct} %',
  },
  {
    key: 'port_rtt_ratio',
    label: "HTTP round trip to a published port, Berth's forward / OpenSSH `ssh -L`",
    unit: '',
    berth: '{port_rtt_ms} ms',
    peer: '`ssh -L`: {ssh_l_rtt_ms} ms',
  },
  {
    key: 'port_mib_s',
    label: "100 MiB download through Berth's forward, MiB/s",
    unit: 'MiB/s',
    berth: '{port_mib_s} MiB/s',
    peer: '`ssh -L`: {ssh_l_mib_s} MiB/s',
  },
  {
    key: 'berth_ssh_rtt_ms',
    label: "HTTP round trip through Berth's SSH forward (a port on the guest's loopback), ms",
    unit: 'ms',
    berth: '{berth_ssh_rtt_ms} ms',
    peer: '`ssh -L`: {ssh_l_rtt_ms} ms',
  },
  {
    key: 'berth_ssh_mib_s',
    label: "100 MiB download through Berth's SSH forward, MiB/s",
    unit: 'MiB/s',
    berth: '{berth_ssh_mib_s} MiB/s',
    peer: '`ssh -L`: {ssh_l_mib_s} MiB/s',
  },
  {
    key: 'port_ready_ratio',
    label: 'a published port answering here after `docker start` / the same server answering inside the VM',
    unit: '',
    berth: '{port_ready_s} s',
    peer: 'inside the VM (`ssh -L`): {guest_ready_s} s',
  },
  {
    key: 'mem_returned_pct',
    label: 'of 512 MiB a container freed, returned by QEMU within 30 s, %',
    unit: '%',
    berth: '{mem_returned_pct} %',
  },
  {
    key: 'disk_returned_pct',
    label: "of a removed container's 300 MiB, returned by the disk file in 60 s, %",
    unit: '%',
    berth: '{disk_returned_pct} %',
  },
  {
    key: 'share_read_ratio',
    label: "reading 256 MiB from a shared folder, speed relative to the VM's own disk (1 = as fast)",
    unit: '',
    peer: "the VM's own data disk, same container (its time = 1)",
  },
  {
    key: 'share_meta_ratio',
    label: "creating, stat-ing and deleting 5,000 files in a shared folder, speed relative to the VM's disk",
    unit: '',
    peer: "the VM's own data disk, same container (its time = 1)",
  },
];

const vmResume: FigureSpec[] = [
  {
    key: 'resume_ratio',
    label: 'VM warm start, Start → engine answers after a suspend / kernel-only boot of the same kernel',
    unit: '',
    berth: '{resume_s} s',
    peer: 'kernel-only boot: {kernel_s} s',
  },
  { key: 'save_s', label: 'suspend (save the state), s', unit: 's', berth: '{save_s} s' },
  { key: 'state_mib', label: 'saved state, MiB', unit: 'MiB', berth: '{state_mib} MiB' },
  { key: 'cold_s', label: 'cold boot in the same run, Start → engine answers, s', unit: 's', berth: '{cold_s} s' },
];

/** Figures by bench name (all-benches.ts). */
export const figureSpecs: Record<string, FigureSpec[]> = {
  stats,
  history,
  'stats-top': statsTop,
  pull,
  startup,
  ui,
  ops,
  vm,
  'vm-resume': vmResume,
};
