// How one engine looks to the UI: its provider's state and controls, its connection (a stopped engine says
// "stopped", not the socket error its connection sees), and whatever more its kind tells (a VM's boot phases
// and size).
import type { EngineConfig, EngineView } from '../../shared/engine-manager-types';
import type { EngineConnection } from '../connection/engine-connection';
import type { EngineProvider } from './engine-provider';

export interface ViewedEngine {
  id: string;
  name: string;
  config: EngineConfig | null;
  provider: EngineProvider;
  connection: EngineConnection;
}

export function engineView(entry: ViewedEngine, active: boolean): EngineView {
  const control = entry.provider.control();
  const providerState = entry.provider.state();
  const status = entry.connection.status;
  const connection =
    providerState === 'stopped' && status.state !== 'connected'
      ? {
          state: 'unreachable' as const,
          endpoint: status.endpoint,
          reason: `${entry.name} is stopped.`,
          since: status.since,
          retryAt: null,
        }
      : status;
  return {
    id: entry.id,
    name: entry.name,
    kind: entry.provider.kind,
    host: entry.provider.host,
    active,
    providerState,
    connection,
    canStart: control.canStart,
    canStop: control.canStop,
    controlReason: control.reason,
    dockerContext: entry.provider.dockerContext(),
    removable: entry.config !== null,
    ...entry.provider.viewFacts?.(),
  };
}
