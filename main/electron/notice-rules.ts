// Which core events become desktop notifications, in what words, and which page a click opens. Pure: the
// shell's desktop-notifications.ts feeds it events and shows what it answers; a test checks it.
import type { EngineStatus } from '../shared/engine-types';
import type { EngineView } from '../shared/engine-manager-types';
import type { BuildEnded, ContainerExited } from '../shared/notice-types';
import type { StatsAlert } from '../shared/stats-history-types';
import type { Transfer } from '../shared/transfer-types';

import type { DesktopNoticeKind } from '../shared/settings-types';

export interface Notice {
  kind: DesktopNoticeKind;
  title: string;
  body: string;
  /** The page a click opens. */
  path: string;
}

/**
 * What the rules remember between events: each transfer seen running, whether the engine was up, and the
 * engines Berth was starting (a start that falls back to stopped could not start).
 */
export interface NoticeMemory {
  runningTransfers: Set<string>;
  engineWasConnected: boolean;
  startingEngines: Set<string>;
}

export function newNoticeMemory(): NoticeMemory {
  return { runningTransfers: new Set(), engineWasConnected: false, startingEngines: new Set() };
}

function buildNotice(build: BuildEnded): Notice | null {
  // A cancel is the user's own doing, said where they did it.
  if (build.outcome === 'cancelled') return null;
  const name = build.tag ?? `the image from ${build.folder}`;
  return build.outcome === 'built'
    ? { kind: 'builds', title: 'Build finished', body: `Built ${name}.`, path: '/images' }
    : { kind: 'builds', title: 'Build failed', body: `${name}: ${build.error ?? 'unknown error'}`, path: '/images' };
}

/** The first engine whose start ended without it running, remembering which engines are starting. */
function engineStartNotice(engines: EngineView[], memory: NoticeMemory): Notice | null {
  let notice: Notice | null = null;
  for (const engine of engines) {
    const wasStarting = memory.startingEngines.delete(engine.id);
    if (engine.providerState === 'starting') memory.startingEngines.add(engine.id);
    else if (wasStarting && engine.providerState === 'stopped' && !notice)
      notice = {
        kind: 'engine',
        title: `${engine.name} could not start`,
        body: engine.controlReason ?? 'The Engine page shows its log and what it needs.',
        path: '/engine',
      };
  }
  return notice;
}

function transferNotice(transfer: Transfer): Notice {
  const verb = transfer.kind === 'pull' ? 'Pull' : 'Push';
  const title =
    transfer.state === 'done'
      ? `${verb} finished`
      : transfer.state === 'cancelled'
        ? `${verb} cancelled`
        : `${verb} failed`;
  const body =
    transfer.state === 'failed'
      ? `${transfer.reference}: ${transfer.error?.message ?? 'unknown error'}`
      : transfer.state === 'cancelled'
        ? (transfer.leftOver ?? transfer.reference)
        : transfer.reference;
  return { kind: 'transfers', title, body, path: '/images' };
}

export function noticeFor(event: string, payload: unknown, memory: NoticeMemory): Notice | null {
  switch (event) {
    case 'containers:exited': {
      const exit = payload as ContainerExited;
      return {
        kind: 'containers',
        title: exit.oomKilled
          ? `${exit.name} was killed: out of memory`
          : `${exit.name} exited with code ${exit.exitCode}`,
        body: exit.oomKilled
          ? 'It used all the memory its limit allows. Its page shows the last log lines.'
          : 'It stopped by itself. Its page shows why and the last log lines.',
        path: `/containers/${exit.id}`,
      };
    }
    case 'stats:alert': {
      const alert = payload as StatsAlert;
      // An OOM kill is already told by containers:exited; the alert would say it twice.
      if (alert.condition === 'oom') return null;
      return { kind: 'alerts', title: alert.name, body: alert.message, path: `/containers/${alert.id}?tab=stats` };
    }
    case 'engine:status': {
      const status = payload as EngineStatus;
      const was = memory.engineWasConnected;
      memory.engineWasConnected = status.state === 'connected';
      if (!was || status.state !== 'unreachable') return null;
      return { kind: 'engine', title: 'The engine stopped', body: status.reason, path: '/engine' };
    }
    case 'transfers:progress': {
      const transfer = payload as Transfer;
      const wasRunning = memory.runningTransfers.delete(transfer.id);
      if (transfer.state === 'running') memory.runningTransfers.add(transfer.id);
      else if (wasRunning && transfer.purpose === 'user') return transferNotice(transfer);
      return null;
    }
    case 'images:built':
      return buildNotice(payload as BuildEnded);
    case 'engines:changed':
      return engineStartNotice(payload as EngineView[], memory);
    default:
      return null;
  }
}
