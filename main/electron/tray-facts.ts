// Turns what the core answers (the engines, the containers, the transfers) into what the tray shows. Pure.
import type { ContainerSummary } from '../shared/container-types';
import type { EngineView } from '../shared/engine-manager-types';
import { summariseTransfers } from '../shared/transfer-summary';
import type { Transfer } from '../shared/transfer-types';
import type { TrayFacts } from './tray-menu';

export function trayFacts(
  engines: readonly EngineView[],
  containers: readonly ContainerSummary[],
  transfers: readonly Transfer[],
): TrayFacts {
  const active = engines.find((engine) => engine.active);
  const connection = active?.connection;
  const state: 'running' | 'starting' | 'stopped' =
    connection?.state === 'connected'
      ? 'running'
      : active?.providerState === 'starting' || connection?.state === 'connecting'
        ? 'starting'
        : 'stopped';
  return {
    engine: active
      ? {
          name: active.name,
          state,
          detail: connection?.state === 'unreachable' ? connection.reason.slice(0, 80) : '',
          canStart: active.canStart,
          canStop: active.canStop,
        }
      : null,
    running:
      state === 'running'
        ? containers
            .filter((container) => container.state === 'running')
            .map((container) => ({ id: container.id, name: container.name }))
            .sort((a, b) => a.name.localeCompare(b.name))
        : [],
    transfers: summariseTransfers(transfers).text,
  };
}
