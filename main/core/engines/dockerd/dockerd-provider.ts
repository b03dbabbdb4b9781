// STUB (issue 6, owned by the dockerd helper): a dockerd that Berth runs itself on Linux.
import type { ProviderState } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import type { DiscoveryResult } from '../../engine/discover';
import type { Logger } from '../../logger';
import type { EngineProvider, ProviderControl } from '../engine-provider';

export interface DockerdProviderOptions {
  /** The engine's name (`berth` for the embedded default); its id is `berth-<name>`. */
  name: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
}

export interface DockerdAvailability {
  available: boolean;
  /** Why Berth cannot run its own dockerd here (not Linux, dockerd not installed, not root and no rootless setup). */
  reason: string | null;
}

export class DockerdProvider implements EngineProvider {
  readonly kind = 'berth-dockerd' as const;

  /** Whether this machine lets Berth run its own dockerd. */
  static availability(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): DockerdAvailability {
    void env;
    void platform;
    return { available: false, reason: 'not built yet' };
  }

  constructor(private readonly options: DockerdProviderOptions) {}

  get host(): string {
    return `unix:///run/berth/${this.options.name}/docker.sock`;
  }

  discover(): DiscoveryResult {
    return { targets: [], problem: 'not built yet', warnings: [], searched: [] };
  }

  state(): ProviderState {
    return 'stopped';
  }

  control(): ProviderControl {
    return { canStart: false, canStop: false, reason: 'not built yet' };
  }

  async start(): Promise<void> {
    throw new BerthError('INTERNAL', 'not built yet');
  }

  async stop(): Promise<void> {}

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

  async remove(options: { deleteData: boolean }): Promise<void> {
    void options;
  }
}
