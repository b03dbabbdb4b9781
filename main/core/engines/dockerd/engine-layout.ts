// Owns where a Berth-owned engine keeps its files: persistent data (images, containers, containerd content,
// logs) under Berth's data folder, and what must not survive a reboot (sockets, exec-root, pidfiles,
// containerd state) under a runtime folder. Pure over the environment, so tests check every path.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BerthError } from '../../../shared/errors';

/** A unix socket path longer than this does not fit `sockaddr_un.sun_path` (108 bytes with the NUL). */
export const MAX_SOCKET_PATH = 107;

export interface EngineLayout {
  name: string;
  rootless: boolean;
  /** `<data>/engines/<name>`: removed with the engine's data. */
  engineDir: string;
  dataRoot: string;
  containerdRoot: string;
  containerdConfig: string;
  daemonJson: string;
  dockerdLog: string;
  containerdLog: string;
  /** Remembers the bridge subnet, so a restart keeps the containers' addresses when it is still free. */
  networkFile: string;
  runtimeDir: string;
  socketPath: string;
  host: string;
  execRoot: string;
  containerdSocket: string;
  containerdState: string;
  dockerdPidfile: string;
  containerdPidfile: string;
  /** The pid of the Berth that runs the engine: daemons whose Berth is gone are a killed run's leftovers. */
  berthPidfile: string;
  /** containerd namespace of the engine's containers; shims carry it in their arguments. */
  namespace: string;
  /** At most 15 characters (IFNAMSIZ), stable per runtime folder so a crash's leftover is found again. */
  bridgeName: string;
}

export function berthDataDir(env: NodeJS.ProcessEnv, home: string = env.HOME || homedir()): string {
  if (env.BERTH_DATA_DIR) return env.BERTH_DATA_DIR;
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'berth');
}

/** The base of every engine's runtime folder: root's `/run/berth`, a rootless user's `$XDG_RUNTIME_DIR/berth`. */
export function berthRuntimeBase(env: NodeJS.ProcessEnv, rootless: boolean): string {
  if (env.BERTH_RUNTIME_DIR) return env.BERTH_RUNTIME_DIR;
  if (!rootless) return '/run/berth';
  if (!env.XDG_RUNTIME_DIR)
    throw new BerthError(
      'CONFLICT',
      'XDG_RUNTIME_DIR is not set: rootless docker needs a login session (or set BERTH_RUNTIME_DIR).',
    );
  return join(env.XDG_RUNTIME_DIR, 'berth');
}

export function engineLayout(name: string, env: NodeJS.ProcessEnv, rootless: boolean): EngineLayout {
  const engineDir = join(berthDataDir(env), 'engines', name);
  const runtimeDir = join(berthRuntimeBase(env, rootless), name);
  const socketPath = join(runtimeDir, 'docker.sock');
  const containerdSocket = join(runtimeDir, 'ctd.sock');
  // containerd's ttrpc socket is the longest of the engine's sockets.
  for (const socket of [socketPath, `${containerdSocket}.ttrpc`]) {
    if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
      throw new BerthError(
        'CONFLICT',
        `The socket path ${socket} is longer than ${MAX_SOCKET_PATH} bytes, which unix sockets cannot use: set BERTH_RUNTIME_DIR to a shorter folder.`,
      );
    }
  }
  return {
    name,
    rootless,
    engineDir,
    dataRoot: join(engineDir, 'data'),
    containerdRoot: join(engineDir, 'containerd'),
    containerdConfig: join(engineDir, 'containerd.toml'),
    daemonJson: join(engineDir, 'daemon.json'),
    dockerdLog: join(engineDir, 'dockerd.log'),
    containerdLog: join(engineDir, 'containerd.log'),
    networkFile: join(engineDir, 'network.json'),
    runtimeDir,
    socketPath,
    host: `unix://${socketPath}`,
    execRoot: join(runtimeDir, 'exec'),
    containerdSocket,
    containerdState: join(runtimeDir, 'ctd'),
    dockerdPidfile: join(runtimeDir, 'dockerd.pid'),
    containerdPidfile: join(runtimeDir, 'containerd.pid'),
    berthPidfile: join(runtimeDir, 'berth.pid'),
    namespace: `berth-${name}`,
    bridgeName: `berth${createHash('sha256').update(runtimeDir).digest('hex').slice(0, 8)}`,
  };
}
