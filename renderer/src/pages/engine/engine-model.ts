// Words for the Engine page: an engine's kind, its state as one badge (what Berth does with its process and
// how its connection stands), and the docker CLI hint. Pure, so the mapping is tested without a browser.
import type { EngineKind, EngineView } from '@shared/engine-manager-types';

export type EngineTone = 'ok' | 'pending' | 'error' | 'neutral';

export interface EngineStateText {
  /** `Running`, `Starting…`, `Stopped`, `Unreachable`. */
  label: string;
  tone: EngineTone;
  /** Why it is unreachable, as the connection said it; null otherwise. */
  reason: string | null;
}

const kindLabels: Record<EngineKind, string> = {
  existing: 'Discovered',
  'berth-dockerd': 'Berth engine',
  ssh: 'Remote (SSH)',
  vm: 'VM',
};

export function kindLabel(kind: EngineKind): string {
  return kindLabels[kind];
}

/**
 * The provider's own transitions come first (Berth knows it is starting or stopping it, whatever the socket
 * says); a stopped engine is Stopped, not Unreachable; otherwise the connection decides.
 */
export function engineState(view: Pick<EngineView, 'providerState' | 'connection'>): EngineStateText {
  switch (view.providerState) {
    case 'starting':
      return { label: 'Starting…', tone: 'pending', reason: null };
    case 'stopping':
      return { label: 'Stopping…', tone: 'pending', reason: null };
    case 'stopped':
      return { label: 'Stopped', tone: 'neutral', reason: null };
    case 'running':
    case 'external':
      break;
  }
  const { connection } = view;
  switch (connection.state) {
    case 'connected':
      return { label: 'Running', tone: 'ok', reason: null };
    case 'connecting':
      return { label: 'Connecting…', tone: 'pending', reason: null };
    case 'unreachable':
      return { label: 'Unreachable', tone: 'error', reason: connection.reason };
  }
}

/** The command that shows the engine's containers with the user's own docker CLI. */
export function dockerContextHint(context: string): string {
  return `docker --context ${context} ps`;
}

/** The engine the page shows: the one chosen if it still exists, else the active one, else the first. */
export function pickSelected(engines: readonly EngineView[], chosen: string | null): EngineView | null {
  return (
    engines.find((engine) => engine.id === chosen) ?? engines.find((engine) => engine.active) ?? engines[0] ?? null
  );
}

/** `cgroup v2 (systemd)`, or whichever half the engine reported. */
export function cgroupText(version: string, driver: string): string {
  if (!version) return driver || '—';
  return driver ? `v${version} (${driver})` : `v${version}`;
}

/**
 * The Containers fact: for the active engine, counted from the live container list (refetched on every
 * container event), since the counts in the engine's info are those of when Berth connected and went stale
 * ("2 running of 2" with three containers there); for another engine, the info's counts.
 */
export function containerCounts(
  info: { containers: { running: number; total: number } },
  live: ReadonlyArray<{ state: string }> | undefined,
): { running: number; total: number } {
  if (!live) return info.containers;
  return { running: live.filter((container) => container.state === 'running').length, total: live.length };
}
