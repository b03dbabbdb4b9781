// The pure logic of stats alerts: per container and condition, how long the condition has held (memory near
// its limit, CPU throttled) and when it last fired, and OOM kills told apart from the several signals one kill
// sends. No clock of its own and no I/O: the caller passes each sample's time, so tests drive it with a fake one.
import {
  defaultStatsAlertSettings,
  type StatsAlertCondition,
  type StatsAlertSettings,
} from '../../shared/stats-history-types';
import { F, type StatsValues } from '../../shared/stats-types';

/** At most one alert per container per condition in this long: a condition that stays held repeats after it. */
export const alertRepeatMs = 10 * 60_000;
/**
 * The engine's `oom` event, the `die` that follows with OOMKilled and the cgroup's oom_kill counter all tell
 * of the same kill, within a second or two of each other; signals this close to the last one are that kill.
 */
export const oomSameKillMs = 15_000;

/** A condition that fires now, with what its message needs (the thresholds it crossed, the limit). */
export interface Firing {
  id: string;
  condition: StatsAlertCondition;
  /** The container's memory limit (bytes) or CPU limit (cores) at the time; null when unknown or unlimited. */
  limit: number | null;
}

interface Held {
  /** Time of the first sample of the current unbroken run in which the condition held; null = not holding. */
  since: number | null;
  lastFired: number | null;
}

interface ContainerState {
  memory: Held;
  throttled: Held;
  oom: Held;
  /** The last oom_kills value seen; undefined until the first sample, whose count may be of old kills. */
  oomKills?: number;
  lastOomSignal: number | null;
  memLimit: number | null;
}

const fresh = (): Held => ({ since: null, lastFired: null });

export class AlertRules {
  private readonly containers = new Map<string, ContainerState>();

  constructor(private settings: StatsAlertSettings = defaultStatsAlertSettings) {}

  setSettings(settings: StatsAlertSettings): void {
    this.settings = settings;
  }

  /** One tick's values of a container at time `t`: the conditions that fire now. */
  sample(id: string, t: number, v: StatsValues): Firing[] {
    const state = this.state(id);
    const memBytes = v[F.memBytes];
    const memLimit = v[F.memLimitBytes];
    const throttled = v[F.throttledPercent];
    const cpuLimit = v[F.cpuLimitCores];
    state.memLimit = memLimit;
    const { memoryPercent, memorySeconds, throttledPercent, throttledSeconds } = this.settings;
    const fired: Firing[] = [];
    const memoryHeld =
      memBytes !== null && memLimit !== null && memLimit > 0 && memBytes * 100 >= memLimit * memoryPercent;
    if (this.held(state.memory, memoryHeld, t, memorySeconds)) fired.push({ id, condition: 'memory', limit: memLimit });
    const throttledHeld = throttled !== null && throttled > throttledPercent;
    if (this.held(state.throttled, throttledHeld, t, throttledSeconds))
      fired.push({ id, condition: 'throttled', limit: cpuLimit });
    const kills = v[F.oomKills];
    if (kills !== null) {
      const before = state.oomKills;
      state.oomKills = kills;
      if (before !== undefined && kills > before) {
        const oom = this.oomSignal(id, t);
        if (oom) fired.push(oom);
      }
    }
    return fired;
  }

  /** A sign of an OOM kill (the engine's `oom` event, a `die` with OOMKilled): fires once per kill. */
  oomSignal(id: string, t: number): Firing | null {
    const state = this.state(id);
    const sameKill = state.lastOomSignal !== null && t - state.lastOomSignal < oomSameKillMs;
    state.lastOomSignal = t;
    if (sameKill || !this.settings.enabled || !this.settings.oom) return null;
    if (state.oom.lastFired !== null && t - state.oom.lastFired < alertRepeatMs) return null;
    state.oom.lastFired = t;
    return { id, condition: 'oom', limit: state.memLimit };
  }

  /** The container's series ended (stopped): held conditions start over; a new series counts kills from 0. */
  ended(id: string): void {
    const state = this.containers.get(id);
    if (!state) return;
    state.memory.since = null;
    state.throttled.since = null;
    state.oomKills = 0;
  }

  /** The container was removed: nothing about it is kept. */
  forget(id: string): void {
    this.containers.delete(id);
  }

  /** Another engine became active: none of these containers are its. */
  clear(): void {
    this.containers.clear();
  }

  /** Containers with state (tests: removed ones are forgotten). */
  get size(): number {
    return this.containers.size;
  }

  private held(held: Held, holds: boolean, t: number, seconds: number): boolean {
    if (!holds) {
      held.since = null;
      return false;
    }
    held.since ??= t;
    if (t - held.since < seconds * 1000) return false;
    if (held.lastFired !== null && t - held.lastFired < alertRepeatMs) return false;
    if (!this.settings.enabled) return false;
    held.lastFired = t;
    return true;
  }

  private state(id: string): ContainerState {
    let state = this.containers.get(id);
    if (!state) {
      state = { memory: fresh(), throttled: fresh(), oom: fresh(), lastOomSignal: null, memLimit: null };
      this.containers.set(id, state);
    }
    return state;
  }
}
