// Finds the engine endpoints to try, in the docker CLI's order: DOCKER_HOST, else the context named by
// DOCKER_CONTEXT or config.json's currentContext (unless `default`), else the well-known sockets that exist.
// Pure over its injected environment and file access, so tests drive it with fixture folders.
import fs from 'node:fs';
import os from 'node:os';
import type { EngineEndpoint } from '../../shared/engine-types';
import {
  dockerConfigDir,
  pathApi,
  readContext,
  readCurrentContext,
  readOptional,
  type ConfigFs,
  type TlsMaterial,
} from './docker-config';
import { formatEngineAddress, parseEngineAddress, type EngineAddress } from './engine-address';
import { errorMessage } from '../../shared/error-message.js';

export interface DiscoverDeps extends ConfigFs {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homedir: string;
  fileExists(file: string): boolean;
  /** Windows only: the names of the open named pipes (`docker_engine`, ...). */
  listPipes?(): string[];
}

/** One endpoint to try, with what a client needs to reach it; TLS keys stay here, never in the endpoint. */
export interface EngineTarget {
  endpoint: EngineEndpoint;
  address: EngineAddress;
  /** TCP only: null for plain HTTP. */
  tls: TlsMaterial | null;
  /** SSH only: the agent socket to authenticate with. */
  sshAgent?: string;
}

export interface DiscoveryResult {
  /** In order of preference; an explicit DOCKER_HOST or context is the only one. */
  targets: EngineTarget[];
  /** Why there is nothing to try although the user asked for something (bad DOCKER_HOST, broken context). */
  problem: string | null;
  /** Things worth logging that did not stop discovery (e.g. an unreadable config.json). */
  warnings: string[];
  /** The addresses looked at when falling back to default sockets, for a "no engine found" message. */
  searched: string[];
}

interface SocketCandidate {
  path: string;
  label: string;
}

function defaultSockets(deps: DiscoverDeps): SocketCandidate[] {
  const p = pathApi(deps.platform);
  const runtimeDir = deps.env.XDG_RUNTIME_DIR;
  if (deps.platform === 'darwin') {
    return [
      { path: '/var/run/docker.sock', label: 'docker' },
      { path: p.join(deps.homedir, '.docker', 'run', 'docker.sock'), label: 'Docker Desktop' },
    ];
  }
  return [
    { path: '/var/run/docker.sock', label: 'docker' },
    ...(runtimeDir ? [{ path: p.join(runtimeDir, 'docker.sock'), label: 'docker rootless' }] : []),
    ...(runtimeDir ? [{ path: p.join(runtimeDir, 'podman', 'podman.sock'), label: 'podman rootless' }] : []),
    { path: '/run/podman/podman.sock', label: 'podman' },
    { path: p.join(deps.homedir, '.docker', 'desktop', 'docker.sock'), label: 'Docker Desktop' },
  ];
}

const windowsPipes: SocketCandidate[] = [
  { path: 'docker_engine', label: 'Docker Desktop' },
  { path: 'podman-machine-default', label: 'podman machine' },
];

function target(
  address: EngineAddress,
  endpoint: Omit<EngineEndpoint, 'host'>,
  deps: DiscoverDeps,
  tls: TlsMaterial | null,
): EngineTarget {
  const host = formatEngineAddress(address);
  const sshAgent = deps.env.SSH_AUTH_SOCK || (deps.platform === 'win32' ? '\\\\.\\pipe\\openssh-ssh-agent' : undefined);
  return {
    endpoint: { ...endpoint, host },
    address,
    tls: address.kind === 'tcp' ? tls : null,
    ...(address.kind === 'ssh' && sshAgent ? { sshAgent } : {}),
  };
}

/** TLS for DOCKER_HOST, from DOCKER_TLS_VERIFY / DOCKER_TLS and the PEM files in DOCKER_CERT_PATH. */
function envTls(deps: DiscoverDeps, configDir: string): { tls: TlsMaterial | null } | { problem: string } {
  // The docker CLI treats any non-empty value as "on", even "0".
  const verify = !!deps.env.DOCKER_TLS_VERIFY;
  if (!verify && !deps.env.DOCKER_TLS) return { tls: null };
  const certDir = deps.env.DOCKER_CERT_PATH || configDir;
  const p = pathApi(deps.platform);
  const tls: TlsMaterial = { verify };
  for (const kind of ['ca', 'cert', 'key'] as const) {
    const file = p.join(certDir, `${kind}.pem`);
    try {
      const pem = readOptional(deps, file);
      if (pem !== undefined) tls[kind] = pem;
    } catch (error) {
      return { problem: `The TLS file ${file} (from DOCKER_CERT_PATH) cannot be read: ${errorMessage(error)}.` };
    }
  }
  if (!!tls.cert !== !!tls.key) {
    return {
      problem: `DOCKER_CERT_PATH=${certDir} has ${tls.cert ? 'cert.pem but no key.pem' : 'key.pem but no cert.pem'}: a client certificate needs both.`,
    };
  }
  return { tls };
}

function fromDockerHost(deps: DiscoverDeps, value: string, configDir: string): DiscoveryResult {
  const tlsRead = envTls(deps, configDir);
  if ('problem' in tlsRead) return { targets: [], problem: tlsRead.problem, warnings: [], searched: [] };
  const parsed = parseEngineAddress(value, { tls: tlsRead.tls !== null });
  if (!parsed.ok) {
    return {
      targets: [],
      problem: `DOCKER_HOST=${value} is not a valid engine address: ${parsed.reason}. Fix or unset DOCKER_HOST.`,
      warnings: [],
      searched: [],
    };
  }
  return {
    targets: [target(parsed.address, { source: 'DOCKER_HOST' }, deps, tlsRead.tls)],
    problem: null,
    warnings: [],
    searched: [],
  };
}

function fromContext(deps: DiscoverDeps, configDir: string, name: string, origin: string): DiscoveryResult {
  const context = readContext(deps, configDir, name, origin, deps.platform);
  if (!context.ok) return { targets: [], problem: context.reason, warnings: [], searched: [] };
  const parsed = parseEngineAddress(context.value.host, { tls: context.value.tls !== null });
  if (!parsed.ok) {
    return {
      targets: [],
      problem: `The docker context "${name}" (${origin}) has an invalid engine address "${context.value.host}": ${parsed.reason}.`,
      warnings: [],
      searched: [],
    };
  }
  return {
    targets: [target(parsed.address, { source: 'context', label: name }, deps, context.value.tls)],
    problem: null,
    warnings: [],
    searched: [],
  };
}

function fromDefaults(deps: DiscoverDeps, warnings: string[]): DiscoveryResult {
  const targets: EngineTarget[] = [];
  const searched: string[] = [];
  if (deps.platform === 'win32') {
    let open: Set<string> = new Set();
    try {
      // Listing the pipe folder does not connect to a pipe, unlike probing each one.
      open = new Set((deps.listPipes?.() ?? []).map((name) => name.toLowerCase()));
    } catch (error) {
      warnings.push(`Could not list the named pipes: ${errorMessage(error)}.`);
    }
    for (const pipe of windowsPipes) {
      const address: EngineAddress = { kind: 'npipe', path: `//./pipe/${pipe.path}` };
      searched.push(formatEngineAddress(address));
      if (open.has(pipe.path))
        targets.push(target(address, { source: 'default-socket', label: pipe.label }, deps, null));
    }
    return { targets, problem: null, warnings, searched };
  }
  for (const socket of defaultSockets(deps)) {
    const address: EngineAddress = { kind: 'unix', path: socket.path };
    searched.push(formatEngineAddress(address));
    if (deps.fileExists(socket.path))
      targets.push(target(address, { source: 'default-socket', label: socket.label }, deps, null));
  }
  return { targets, problem: null, warnings, searched };
}

/** Anything not given comes from this process (its variables, platform, home folder and file system). */
export function discoverEngine(given: Partial<DiscoverDeps> = {}): DiscoveryResult {
  const deps: DiscoverDeps = { ...systemDiscoverDeps(), ...given };
  const configDir = dockerConfigDir(deps.env, deps.homedir, deps.platform);
  const dockerHost = deps.env.DOCKER_HOST;
  if (dockerHost) return fromDockerHost(deps, dockerHost, configDir);

  const warnings: string[] = [];
  const envContext = deps.env.DOCKER_CONTEXT;
  if (envContext) {
    return envContext === 'default'
      ? fromDefaults(deps, warnings)
      : fromContext(deps, configDir, envContext, 'from DOCKER_CONTEXT');
  }
  const current = readCurrentContext(deps, configDir, deps.platform);
  // Like the docker CLI, a broken config.json does not stop the default engine from being used.
  if (!current.ok) warnings.push(`${current.reason} Falling back to the default sockets.`);
  else if (current.value && current.value !== 'default') {
    return fromContext(deps, configDir, current.value, 'the current context in config.json');
  }
  return fromDefaults(deps, warnings);
}

/** The real environment: this process's variables and file system. */
export function systemDiscoverDeps(): DiscoverDeps {
  return {
    env: process.env,
    platform: process.platform,
    homedir: os.homedir(),
    fileExists: (file) => fs.existsSync(file),
    readFile: (file) => fs.readFileSync(file, 'utf8'),
    listPipes: () => fs.readdirSync('\\\\.\\pipe\\'),
  };
}
