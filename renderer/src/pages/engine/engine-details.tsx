// The selected engine: its state (with the reason when unreachable), controls, what it reports about itself,
// for a VM its boot phases, what it and its containers use and its forwarded ports, its docker context, disk
// usage and live log; Berth's own engine says whether it runs as root, rootless or through the helper; an engine over SSH with an unknown host key asks to trust it first.
import { useId } from 'react';
import type { EngineView } from '@shared/engine-manager-types';
import { EngineControls } from './engine-controls';
import { DockerContextHint, EngineFacts } from './engine-facts';
import { EngineStateBadge } from './engine-list';
import { engineState, kindLabel } from './engine-model';
import { DiskUsagePanel } from './disk-usage-panel';
import { EngineLogPanel } from './engine-log-panel';
import { EngineMode } from './engine-mode';
import { HostKeyTrust } from './host-key-trust';
import { BootPhases } from './boot-phases';
import { VmUsagePanel } from './vm-usage-panel';
import { PortForwardsPanel } from './port-forwards-panel';
import { VmSharedFolders } from './vm-shared-folders';

export function EngineDetails({ engine }: { engine: EngineView }) {
  const titleId = useId();
  const state = engineState(engine);
  const connection = engine.connection;
  return (
    <section className="panel engine-details" aria-labelledby={titleId}>
      <header className="engine-details-header">
        <h2 id={titleId}>{engine.name}</h2>
        <EngineStateBadge engine={engine} />
        {engine.active && <span className="engine-active-mark">Active</span>}
        <span className="muted">{kindLabel(engine.kind)}</span>
      </header>
      <p className="engine-host mono">{engine.host}</p>
      {state.reason && (
        <p className="engine-reason" role="status">
          {state.reason}
        </p>
      )}
      {engine.ownedMode && <EngineMode engine={engine} mode={engine.ownedMode} />}
      {engine.hostKey && <HostKeyTrust engine={engine} question={engine.hostKey} />}
      <EngineControls engine={engine} />
      {connection.state === 'connected' ? (
        <EngineFacts info={connection.info} active={engine.active} />
      ) : (
        <p className="muted">Version, resources and counts show once Berth is connected to this engine.</p>
      )}
      {engine.kind === 'vm' && <BootPhases engine={engine} />}
      {engine.kind === 'vm' && engine.vm && <VmUsagePanel engine={engine} />}
      {engine.kind === 'vm' && <PortForwardsPanel engine={engine} />}
      {engine.kind === 'vm' && engine.vm && <VmSharedFolders key={`shared-folders-${engine.id}`} engine={engine} />}
      {engine.dockerContext && <DockerContextHint context={engine.dockerContext} />}
      <DiskUsagePanel id={engine.id} connected={connection.state === 'connected'} />
      <EngineLogPanel key={engine.id} id={engine.id} name={engine.name} />
    </section>
  );
}
