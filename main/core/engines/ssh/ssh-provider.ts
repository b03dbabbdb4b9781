// STUB (issue 6, owned by the ssh helper): a remote engine over one persistent SSH connection.
import type { EngineConfig, HostKeyQuestion, ProviderState } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import type { DiscoveryResult } from '../../engine/discover';
import type { Logger } from '../../logger';
import type { EngineProvider, ProviderControl } from '../engine-provider';

export type SshEngineConfig = Extract<EngineConfig, { kind: 'ssh' }>;

export interface SshProviderOptions {
  config: SshEngineConfig;
  env: NodeJS.ProcessEnv;
  log: Logger;
}

/**
 * Checks the remote's host key against known_hosts before an engine is added: null when known (or just
 * trusted: `trustFingerprint` matched and was added), a question with the fingerprint when unknown; throws
 * HOST_KEY_MISMATCH when known_hosts has another key for that host.
 */
export async function checkHostKey(config: SshEngineConfig, env: NodeJS.ProcessEnv, trustFingerprint?: string): Promise<HostKeyQuestion | null> {
  void config;
  void env;
  void trustFingerprint;
  throw new BerthError('INTERNAL', 'not built yet');
}

export class SshProvider implements EngineProvider {
  readonly kind = 'ssh' as const;

  constructor(private readonly options: SshProviderOptions) {}

  get host(): string {
    return this.options.config.host;
  }

  discover(): DiscoveryResult {
    return { targets: [], problem: 'not built yet', warnings: [], searched: [] };
  }

  state(): ProviderState {
    return 'external';
  }

  control(): ProviderControl {
    return { canStart: false, canStop: false, reason: 'A remote engine: whoever runs that machine starts and stops it.' };
  }

  async start(): Promise<void> {
    throw new BerthError('CONFLICT', this.control().reason ?? '');
  }

  async stop(): Promise<void> {
    throw new BerthError('CONFLICT', this.control().reason ?? '');
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
}
