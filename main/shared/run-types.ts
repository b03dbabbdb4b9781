// What a container run asks for (the run dialog's model), what it produced, and replica groups.
import type { PortBinding } from './engine-types';
import type { LimitsChange, RestartPolicy } from './limits-types';
import type { RegistryCredentialStorage } from './registry-types';

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

/** Settings the core keeps (in Berth's config folder), used by runs. */
export interface BerthSettings {
  /** The default limit profile applied by one-click run and preset in the run dialog. */
  defaultRunLimits: LimitsChange;
  /** Where registry logins are saved. */
  registryCredentials: RegistryCredentialStorage;
  /** Where new containers' ports are published; absent: 'loopback' (files from before this setting lack it). */
  publishInterface?: PublishInterface;
}

/**
 * Where Berth publishes a new container's ports: on this computer only (127.0.0.1, the default), or on every
 * interface (0.0.0.0), which makes them reachable from other machines on the network.
 */
export const publishInterfaces = ['loopback', 'all'] as const;
export type PublishInterface = (typeof publishInterfaces)[number];
export const defaultPublishInterface: PublishInterface = 'loopback';

/** The host address a choice stands for; explicit, so the engine's own default (`dockerd --ip`) never decides. */
export const publishAddress: Readonly<Record<PublishInterface, string>> = { loopback: '127.0.0.1', all: '0.0.0.0' };

/** What `settings:get` and `settings:update` answer: the saved settings, and what this process can do. */
export interface SettingsView {
  settings: BerthSettings;
  /** Whether `registryCredentials: 'encrypted'` can be chosen here (Electron safeStorage is usable). */
  encryptionAvailable: boolean;
  /** Why it cannot, in words for the settings page; null when it can. */
  encryptionProblem: string | null;
  /** The settings file could not be used at start (and was kept aside): what happened, for the UI to say. */
  fileProblem: string | null;
}
