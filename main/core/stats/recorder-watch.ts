// Owns the core's own watch of every running container, which makes recording always-on: held when the user
// allows recording and the active engine's collector is cheap (cgroup files, or the VM's one in-guest stream),
// withdrawn otherwise, so with the engine's stats API (one HTTP stream per container) only what a window
// watches is collected. Re-decided whenever the collector may have changed: a (re)connection to this or another
// engine, the in-guest stream falling back, the first open finding cgroup files unreadable, the setting.
import type { StatsRecordingMode } from '../../shared/stats-history-types';
import type { StatsCollectorKind } from '../../shared/stats-types';

/** The watch set's client id for the core's own watch; transports' client ids never take this shape. */
export const recorderClientId = 'core:recorder';

export interface RecordingState {
  mode: StatsRecordingMode;
  collector: StatsCollectorKind | null;
  reason: string;
}

/** Why each collector makes recording always-on or on-demand, in words for the UI. */
const collectorReasons: Record<StatsCollectorKind, string> = {
  cgroup: 'Stats come from cgroup files, which are cheap to read: every running container is recorded.',
  guest:
    "Stats come from the VM's in-guest collector, one stream for all containers: every running container is recorded.",
  api: "Stats come from the engine's stats API, one stream per container: only containers a window shows are recorded.",
};

/** What recording does for this setting and collector (null: no engine connected). Pure, for the UI's words. */
export function recordingState(enabled: boolean, collector: StatsCollectorKind | null): RecordingState {
  if (!enabled)
    return { mode: 'off', collector, reason: 'Recording is turned off in Settings: only live stats are shown.' };
  if (collector === null)
    return { mode: 'on-demand', collector, reason: 'No engine is connected: nothing is being recorded.' };
  return { mode: collector === 'api' ? 'on-demand' : 'always', collector, reason: collectorReasons[collector] };
}

export interface RecorderWatchHost {
  /** The collector of the active engine, or null while none is connected. */
  collector(): StatsCollectorKind | null;
  /** Holds (true) or withdraws (false) the core's watch of every running container. */
  watchAll(on: boolean): void;
}

export class RecorderWatch {
  /** Off until the core's recorder has read the setting (and in the stats service's own tests). */
  private enabled = false;
  private held = false;

  constructor(private readonly host: RecorderWatchHost) {}

  /** The user's setting: 'off' withdraws the watch (windows still get live stats of what they watch). */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.check();
  }

  get state(): RecordingState {
    return recordingState(this.enabled, this.host.collector());
  }

  /** Takes or withdraws the watch when the decision changed; cheap, so callers call it after anything relevant. */
  check(): void {
    const wanted = this.state.mode === 'always';
    if (wanted === this.held) return;
    this.held = wanted;
    this.host.watchAll(wanted);
  }
}
