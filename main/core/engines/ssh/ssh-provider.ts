// A remote engine reached over SSH: one persistent ssh2 connection to the machine (ssh-tunnel.ts), each
// engine request in its own channel to the remote engine socket through an http.Agent handed to dockerode
// (tunnel-agent.ts). Berth neither starts nor stops it; its log is the connection's own story.
import type Dockerode from 'dockerode';
import type { EngineConfig, EngineView, HostKeyQuestion, ProviderState } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import type { DiscoveryResult } from '../../connection/discover';
import { formatEngineAddress, parseEngineAddress } from '../../connection/engine-address';
import type { Logger } from '../../logger';
import type { EngineProvider, ProviderControl } from '../engine-provider';
import { checkHostKeyOf, trustHostKeyOf } from './host-key-check';
import { SshTunnel } from './ssh-tunnel';
import { TunnelAgent, tunnelledClient } from './tunnel-agent';

export type SshEngineConfig = Extract<EngineConfig, { kind: 'ssh' }>;

export interface SshProviderOptions {
  config: SshEngineConfig;
  env: NodeJS.ProcessEnv;
  log: Logger;
}

const LOG_LINES = 200;
const REMOTE_REASON = 'A remote engine: whoever runs that machine starts and stops it.';

/**
 * Checks the remote's host key against known_hosts before an engine is added: null when known (or just
 * trusted: `trustFingerprint` matched and was added), a question with the fingerprint when unknown; throws
 * HOST_KEY_MISMATCH when known_hosts has another key for that host.
 */
export function checkHostKey(
  config: SshEngineConfig,
  env: NodeJS.ProcessEnv,
  trustFingerprint?: string,
): Promise<HostKeyQuestion | null> {
  return checkHostKeyOf(config, env, trustFingerprint);
}

export class SshProvider implements EngineProvider {
  readonly kind = 'ssh' as const;
  readonly startHint = 'Check that the machine is up and its engine runs; Berth reconnects by itself.';
  readonly tunnel: SshTunnel;
  private readonly agent: TunnelAgent;
  private readonly lines: string[] = [];
  private readonly listeners = new Set<(change: { state?: ProviderState; lines?: string[] }) => void>();

  constructor(private readonly options: SshProviderOptions) {
    this.tunnel = new SshTunnel({ config: options.config, env: options.env, note: (line) => this.note(line) });
    this.agent = new TunnelAgent(() => this.tunnel.openChannel());
  }

  get host(): string {
    return this.options.config.host;
  }

  discover(): DiscoveryResult {
    const parsed = parseEngineAddress(this.options.config.host, { tls: false });
    if (!parsed.ok || parsed.address.kind !== 'ssh') {
      const reason = parsed.ok ? 'it is not an ssh:// address' : parsed.reason;
      return {
        targets: [],
        problem: `${this.options.config.host} is not a remote engine address: ${reason}.`,
        warnings: [],
        searched: [],
      };
    }
    const endpoint = { host: formatEngineAddress(parsed.address), source: 'berth' as const, label: 'remote over SSH' };
    return { targets: [{ endpoint, address: parsed.address, tls: null }], problem: null, warnings: [], searched: [] };
  }

  /** Plain HTTP to the remote socket path, carried by the tunnel's agent. */
  createClient(): Dockerode {
    return tunnelledClient(this.agent, this.options.config.socketPath);
  }

  /** The unknown host key (known_hosts lost it, or the machine got new keys after a removal), for the Engine page to ask about. */
  viewFacts(): Partial<Pick<EngineView, 'hostKey'>> {
    const question = this.tunnel.hostKeyQuestion;
    return question ? { hostKey: question } : {};
  }

  async trustHostKey(fingerprint: string): Promise<void> {
    await trustHostKeyOf(this.options.config, this.options.env, fingerprint);
    this.tunnel.clearHostKeyQuestion();
    this.note(`[ssh] trusted the host key ${fingerprint} of ${this.options.config.host}`);
  }

  state(): ProviderState {
    return 'external';
  }

  control(): ProviderControl {
    return { canStart: false, canStop: false, reason: REMOTE_REASON };
  }

  async start(): Promise<void> {
    throw new BerthError('CONFLICT', REMOTE_REASON);
  }

  async stop(): Promise<void> {
    throw new BerthError('CONFLICT', REMOTE_REASON);
  }

  logs(): string[] {
    return [...this.lines];
  }

  onChange(listener: (change: { state?: ProviderState; lines?: string[] }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dockerContext(): string | null {
    return null;
  }

  async dispose(): Promise<void> {
    this.tunnel.dispose();
    this.agent.destroy();
    this.listeners.clear();
  }

  private note(line: string): void {
    const stamped = `${new Date().toISOString()} ${line}`;
    this.lines.push(stamped);
    if (this.lines.length > LOG_LINES) this.lines.splice(0, this.lines.length - LOG_LINES);
    this.options.log.info(`${line} (${this.options.config.name})`);
    for (const listener of [...this.listeners]) listener({ lines: [stamped] });
  }
}
