// Owns reading a container's published ports from its inspect (`NetworkSettings.Ports`), in the same shape and
// order the container list uses, so a run's result shows the host ports the engine really chose.
import type Dockerode from 'dockerode';
import type { PortBinding } from '../../shared/container-types';
import { toPortBindings } from '../containers/container-summary';

type InspectPorts = Record<string, Array<{ HostIp?: string; HostPort?: string }> | null> | undefined;

export function portsFromInspect(inspect: Pick<Dockerode.ContainerInspectInfo, 'NetworkSettings'>): PortBinding[] {
  const raw = inspect.NetworkSettings?.Ports as InspectPorts;
  const ports: Dockerode.Port[] = [];
  for (const [key, bindings] of Object.entries(raw ?? {})) {
    const [privatePort, type = 'tcp'] = key.split('/');
    const PrivatePort = Number(privatePort);
    if (!Number.isInteger(PrivatePort)) continue;
    // An exposed port that is not published has no bindings (null).
    if (!bindings || bindings.length === 0) {
      ports.push({ PrivatePort, Type: type, IP: '', PublicPort: 0 });
      continue;
    }
    for (const binding of bindings) {
      ports.push({ PrivatePort, Type: type, IP: binding.HostIp ?? '', PublicPort: Number(binding.HostPort) || 0 });
    }
  }
  return toPortBindings(ports);
}
