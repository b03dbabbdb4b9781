// The engine found in the environment the way the docker CLI finds it (DOCKER_HOST, docker context, default
// sockets). Berth only connects to it; who runs it decides its start and stop, and the reason says who.
import { existsSync } from 'node:fs';
import type { ProviderState } from '../../shared/engine-manager-types';
import { BerthError } from '../../shared/errors';
import { discoverEngine, type DiscoveryResult } from '../engine/discover';
import type { EngineProvider, ProviderControl } from './engine-provider';

export interface ExistingProviderOptions {
  env: NodeJS.ProcessEnv;
  /** For tests: discovery with fixture files. */
  discover?: () => DiscoveryResult;
  fileExists?: (path: string) => boolean;
}

/** Who runs an engine at this address, in words that say how to start it. */
export function controlReason(host: string, fileExists: (path: string) => boolean): string {
  if (host.startsWith('ssh://') || host.startsWith('tcp://')) return 'A remote engine from DOCKER_HOST or your docker context: whoever runs that machine starts and stops it.';
  if (host.includes('podman')) return 'Managed by Podman: start it with `systemctl --user start podman.socket` (or `sudo systemctl start podman.socket`).';
  if (host.includes('.docker/desktop') || host.includes('.docker/run')) return 'Managed by Docker Desktop: start or stop it from Docker Desktop.';
  if (host.startsWith('npipe://')) return 'Managed by Docker Desktop or the Windows docker service: start it there.';
  if (host === 'unix:///var/run/docker.sock' && fileExists('/run/systemd/system')) return 'Managed by systemd: start it with `sudo systemctl start docker`, stop it with `sudo systemctl stop docker`.';
  return 'Berth did not start this engine and only connects to it.';
}

export class ExistingProvider implements EngineProvider {
  readonly kind = 'existing' as const;
  private readonly discoverNow: () => DiscoveryResult;
  private readonly fileExists: (path: string) => boolean;
  private lastHost: string;

  constructor(options: ExistingProviderOptions) {
    this.discoverNow = options.discover ?? (() => discoverEngine({ env: options.env }));
    this.fileExists = options.fileExists ?? existsSync;
    this.lastHost = this.hostOf(this.discoverNow());
  }

  get host(): string {
    return this.lastHost;
  }

  discover(): DiscoveryResult {
    const found = this.discoverNow();
    this.lastHost = this.hostOf(found);
    return found;
  }

  state(): ProviderState {
    return 'external';
  }

  control(): ProviderControl {
    return { canStart: false, canStop: false, reason: controlReason(this.lastHost, this.fileExists) };
  }

  async start(): Promise<void> {
    throw new BerthError('CONFLICT', controlReason(this.lastHost, this.fileExists));
  }

  async stop(): Promise<void> {
    throw new BerthError('CONFLICT', controlReason(this.lastHost, this.fileExists));
  }

  logs(): string[] {
    return [];
  }

  onChange(): () => void {
    return () => undefined;
  }

  dockerContext(): string | null {
    return null;
  }

  async dispose(): Promise<void> {}

  private hostOf(found: DiscoveryResult): string {
    return found.targets[0]?.endpoint.host ?? found.searched[0] ?? 'none found';
  }
}
