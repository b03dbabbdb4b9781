// The container list as the core reports it to the UI: each container's summary and ports, and the event
// that says the list changed.

export interface PortBinding {
  privatePort: number;
  publicPort: number | null;
  ip: string | null;
  protocol: 'tcp' | 'udp' | 'sctp';
  /** Engines in a VM: why this port is not reachable on this computer (its host port is taken, say); absent when it is. */
  problem?: string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  imageId: string;
  command: string;
  state: ContainerState;
  /** The engine's own human status, e.g. `Up 3 minutes` or `Exited (0) 2 hours ago`. */
  status: string;
  /** Unix epoch seconds. */
  created: number;
  ports: PortBinding[];
  /** `com.docker.compose.project` label, when the container belongs to a compose project. */
  composeProject: string | null;
}

export interface ContainersChanged {
  /** The container the engine event is about; null for a full resync (after a reconnect). */
  id: string | null;
  action: string;
}
