// Plain data shapes describing the engine, its volumes and networks, as the core reports them to the UI.
// Containers are in container-types.ts, images in image-types.ts.

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
  /** The engine's own ID (`docker info`'s ID, one per data root); empty when the engine gives none. */
  engineId: string;
}

export type EngineStatus =
  | { state: 'connecting'; endpoint: EngineEndpoint | null; since: number }
  | { state: 'connected'; endpoint: EngineEndpoint; info: EngineInfo; since: number }
  | { state: 'unreachable'; endpoint: EngineEndpoint | null; reason: string; since: number; retryAt: number | null };

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
