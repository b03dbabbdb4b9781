// What a container run asks for (the run dialog's model), what it produced, and replica groups.
import type { PortBinding } from './container-types';
import type { LimitsChange, RestartPolicy } from './limits-types';

export type PortProtocol = 'tcp' | 'udp' | 'sctp';

export interface PortMapping {
  containerPort: number;
  protocol: PortProtocol;
  /** null: a free host port the engine picks. */
  hostPort: number | null;
  /** null: the engine's default address, as `docker run -p` does (all interfaces, except on Berth's own engine). */
  hostIp: string | null;
}

export interface MountSpec {
  type: 'bind' | 'volume';
  /** A host path (bind) or a volume name (volume). */
  source: string;
  target: string;
  readOnly: boolean;
}

export interface KeyValue {
  key: string;
  value: string;
}

export interface RunSpec {
  image: string;
  /** null: a generated name (`<image>-<4 hex>`), or `<base>-<n>` for replicas. */
  name: string | null;
  /** Replaces the image's CMD; null keeps it. */
  command: string[] | null;
  /** Replaces the image's ENTRYPOINT; null keeps it. */
  entrypoint: string[] | null;
  env: KeyValue[];
  /** Publish every port the image EXPOSEs to a free host port (`-P`). */
  publishAll: boolean;
  ports: PortMapping[];
  mounts: MountSpec[];
  /** null: the engine's default bridge. */
  network: string | null;
  restartPolicy: RestartPolicy;
  labels: KeyValue[];
  /** Limits set at creation; only present fields are set. */
  limits: LimitsChange;
}

export interface RunResult {
  id: string;
  name: string;
  ports: PortBinding[];
  /** The transfer that pulled the image first, when it was not present. */
  pulledBy: string | null;
  warnings: string[];
}

export interface ReplicaGroup {
  /** The base name: replicas are `<name>-1..N`. */
  name: string;
  image: string;
  replicas: Array<{ id: string; name: string; index: number; state: string; ports: PortBinding[] }>;
}
