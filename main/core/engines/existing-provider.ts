// The engine found in the environment the way the docker CLI finds it (DOCKER_HOST, docker context, default
// sockets). Berth only connects to it; who runs it decides its start and stop, and the reason says who. An
// ssh:// one goes through the same SSH tunnel and known_hosts check as a remote engine added in Berth (never
// dockerode's own SSH, which checks no host key), so it can ask the same host key question.
import { existsSync } from 'node:fs';
import Dockerode from 'dockerode';
import type { EngineView, ProviderState } from '../../shared/engine-manager-types';
import { BerthError } from '../../shared/errors';
import { discoverEngine, type DiscoveryResult, type EngineTarget } from '../connection/discover';
import { dockerOptionsFor } from '../connection/docker-options';
import type { Logger } from '../logger';
import type { EngineProvider, ProviderControl } from './engine-provider';
import { trustHostKeyOf } from './ssh/host-key-check';
import { DEFAULT_REMOTE_SOCKET } from './ssh/remote-socket';
import { SshTunnel } from './ssh/ssh-tunnel';
import { TunnelAgent, tunnelledClient } from './ssh/tunnel-agent';

export interface ExistingProviderOptions {
  env: NodeJS.ProcessEnv;
  /** Where an ssh:// engine's connection notes go (besides the Engine page's log). */
  log?: Logger;
  /** For tests: discovery with fixture files. */
  discover?: () => DiscoveryResult;
  fileExists?: (path: string) => boolean;
}

const LOG_LINES = 200;

/** Who runs an engine at this address, in words that say how to start it. */
export function controlReason(host: string, fileExists: (path: string) => boolean): string {
  if (host.startsWith('ssh://') || host.startsWith('tcp://'))
    return 'A remote engine from DOCKER_HOST or your docker context: whoever runs that machine starts and stops it.';
  if (host.includes('podman'))
    return 'Managed by Podman: start it with `systemctl --user start podman.socket` (or `sudo systemctl start podman.socket`).';
  if (host.includes('.docker/desktop') || host.includes('.docker/run'))
    return 'Managed by Docker Desktop: start or stop it from Docker Desktop.';
  if (host.startsWith('npipe://')) return 'Managed by Docker Desktop or the Windows docker service: start it there.';
  if (host === 'unix:///var/run/docker.sock' && fileExists('/run/systemd/system'))
    return 'Managed by systemd: start it with `sudo systemctl start docker`, stop it with `sudo systemctl stop docker`.';
  return 'Berth did not start this engine and only connects to it.';
}

/** The SSH tunnel of an ssh:// engine, kept while discovery keeps naming the same address. */
interface SshRoute {
  host: string;
  tunnel: SshTunnel;
  agent: TunnelAgent;
}

export class ExistingProvider implements EngineProvider {
  readonly kind = 'existing' as const;
  private readonly discoverNow: () => DiscoveryResult;
  private readonly fileExists: (path: string) => boolean;
  private lastHost: string;
  private ssh: SshRoute | null = null;
  private readonly lines: string[] = [];
  private readonly listeners = new Set<(change: { state?: ProviderState; lines?: string[] }) => void>();

  constructor(private readonly options: ExistingProviderOptions) {
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

  createClient(target: EngineTarget): Dockerode {
    if (target.address.kind !== 'ssh') return new Dockerode(dockerOptionsFor(target));
    // The socket path is only a placeholder for docker-modem: the tunnel asks the remote which socket to use.
    return tunnelledClient(this.sshRoute(target).agent, DEFAULT_REMOTE_SOCKET);
  }

  /** The unknown host key of the ssh:// engine, for the Engine page to ask about. */
  viewFacts(): Partial<Pick<EngineView, 'hostKey'>> {
    const question = this.ssh?.tunnel.hostKeyQuestion;
    return question ? { hostKey: question } : {};
  }

  async trustHostKey(fingerprint: string): Promise<void> {
    const route = this.ssh;
    if (!route)
      throw new BerthError('CONFLICT', 'The discovered engine is not reached over SSH: there is no host key to trust.');
    await trustHostKeyOf({ host: route.host }, this.options.env, fingerprint);
    route.tunnel.clearHostKeyQuestion();
    this.note(`[ssh] trusted the host key ${fingerprint} of ${route.host}`);
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
    this.dropSsh();
    this.listeners.clear();
  }

  private sshRoute(target: EngineTarget): SshRoute {
    const { host } = target.endpoint;
    if (this.ssh?.host === host) return this.ssh;
    // DOCKER_CONTEXT or config.json now names another machine: the old connection has nothing more to do.
    this.dropSsh();
    // Discovery knows the agent (SSH_AUTH_SOCK, or Windows' OpenSSH agent pipe when that is unset).
    const env = target.sshAgent ? { ...this.options.env, SSH_AUTH_SOCK: target.sshAgent } : this.options.env;
    const tunnel = new SshTunnel({
      config: { host, identityFile: null, socketPath: null },
      env,
      sshDefaults: true,
      note: (line) => this.note(line),
    });
    this.ssh = { host, tunnel, agent: new TunnelAgent(() => tunnel.openChannel()) };
    return this.ssh;
  }

  private dropSsh(): void {
    this.ssh?.tunnel.dispose();
    this.ssh?.agent.destroy();
    this.ssh = null;
  }

  private note(line: string): void {
    const stamped = `${new Date().toISOString()} ${line}`;
    this.lines.push(stamped);
    if (this.lines.length > LOG_LINES) this.lines.splice(0, this.lines.length - LOG_LINES);
    this.options.log?.info(`${line} (discovered engine)`);
    for (const listener of [...this.listeners]) listener({ lines: [stamped] });
  }

  private hostOf(found: DiscoveryResult): string {
    return found.targets[0]?.endpoint.host ?? found.searched[0] ?? 'none found';
  }
}
