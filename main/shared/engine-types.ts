// Plain data shapes describing the engine and its objects, as the core reports them to the UI.

/** Where an engine endpoint was found, in the order the docker CLI looks; `berth` for engines added in Berth. */
export type EndpointSource = 'DOCKER_HOST' | 'context' | 'default-socket' | 'berth';

export interface EngineEndpoint {
  /** `unix:///var/run/docker.sock`, `npipe:////./pipe/docker_engine`, `tcp://host:2376`, `ssh://user@host`. */
  host: string;
  source: EndpointSource;
  /** Context name when source is `context`; a short label for default sockets (e.g. `podman rootless`). */
  label?: string;
}

export interface EngineInfo {
  /** `docker` or `podman`, from the version's component list. */
  product: 'docker' | 'podman';
  version: string;
  apiVersion: string;
  os: string;
  osType: string;
  kernelVersion: string;
  architecture: string;
  cpus: number;
  memoryBytes: number;
  cgroupDriver: string;
  cgroupVersion: string;
  storageDriver: string;
  containers: { total: number; running: number; paused: number; stopped: number };
  images: number;
  name: string;
}

export type EngineStatus =
  | { state: 'connecting'; endpoint: EngineEndpoint | null; since: number }
  | { state: 'connected'; endpoint: EngineEndpoint; info: EngineInfo; since: number }
  | { state: 'unreachable'; endpoint: EngineEndpoint | null; reason: string; since: number; retryAt: number | null };

export interface PortBinding {
  privatePort: number;
  publicPort: number | null;
  ip: string | null;
  protocol: 'tcp' | 'udp' | 'sctp';
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

export interface ImageSummary {
  id: string;
  /** `repo:tag` names; empty for a dangling image. */
  repoTags: string[];
  sizeBytes: number;
  /** Unix epoch seconds. */
  created: number;
  /** Containers using it, as the engine counts them (-1 when the engine did not count). */
  containers: number;
}

export interface VolumeSummary {
  name: string;
  driver: string;
  mountpoint: string;
  createdAt: string | null;
  scope: string;
}

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  scope: string;
  subnets: string[];
  internal: boolean;
}
