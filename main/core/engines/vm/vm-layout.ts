// Where a VM engine keeps its files: what must survive (disks, its key pair, the pinned host key, the serial
// log, the remembered accelerator) under Berth's data folder, and its sockets (QMP, the engine socket served
// on the host) under a short runtime folder. Pure over the environment.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BerthError } from '../../../shared/errors';
import { berthDataDir, MAX_SOCKET_PATH } from '../dockerd/engine-layout';

export interface VmLayout {
  /** `<data>/vms/<name>`: removed with the VM's data. */
  vmDir: string;
  osDisk: string;
  /** Which image the OS disk came from (its manifest's sha256 of os.img.zst), to replace it on upgrade. */
  osDiskStamp: string;
  dataDisk: string;
  privateKey: string;
  publicKey: string;
  knownHosts: string;
  serialLog: string;
  accelFile: string;
  runtimeDir: string;
  qmpSocket: string;
  /** QEMU's pid while Berth runs it: a QEMU left by a killed Berth is found through it (vm-leftovers.ts). */
  qemuPidfile: string;
  /** The guest engine's socket, served on the host for the docker CLI. */
  hostSocket: string;
  /** A suspended VM's memory and devices, zstd-compressed (vm-suspend.ts), and what it was saved from (saved-state.ts). */
  savedState: string;
  savedStateMeta: string;
  /** Where QEMU sends its state on save, and reads it from on resume (Berth compresses and decompresses between). */
  saveSocket: string;
  loadSocket: string;
}

/** `$BERTH_RUNTIME_DIR`, else `$XDG_RUNTIME_DIR/berth`, else root's `/run/berth`, else a folder under tmp. */
export function vmRuntimeBase(env: NodeJS.ProcessEnv): string {
  if (env.BERTH_RUNTIME_DIR) return env.BERTH_RUNTIME_DIR;
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'berth');
  if (process.getuid?.() === 0) return '/run/berth';
  return join(tmpdir(), `berth-${process.getuid?.() ?? 'user'}`);
}

export function vmLayout(name: string, env: NodeJS.ProcessEnv): VmLayout {
  const vmDir = join(berthDataDir(env), 'vms', name);
  const runtimeDir = join(vmRuntimeBase(env), `vm-${name}`);
  const hostSocket = join(runtimeDir, 'docker.sock');
  const qmpSocket = join(runtimeDir, 'qmp.sock');
  const saveSocket = join(runtimeDir, 'save.sock');
  const loadSocket = join(runtimeDir, 'load.sock');
  for (const socket of [hostSocket, qmpSocket, saveSocket, loadSocket]) {
    if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
      throw new BerthError(
        'CONFLICT',
        `The socket path ${socket} is longer than ${MAX_SOCKET_PATH} bytes, which unix sockets cannot use: set BERTH_RUNTIME_DIR to a shorter folder.`,
      );
    }
  }
  return {
    vmDir,
    osDisk: join(vmDir, 'os.img'),
    osDiskStamp: join(vmDir, 'os.img.sha256'),
    dataDisk: join(vmDir, 'data.img'),
    privateKey: join(vmDir, 'id_ed25519'),
    publicKey: join(vmDir, 'id_ed25519.pub'),
    knownHosts: join(vmDir, 'known_hosts'),
    serialLog: join(vmDir, 'serial.log'),
    accelFile: join(vmDir, 'accelerator.json'),
    runtimeDir,
    qmpSocket,
    qemuPidfile: join(runtimeDir, 'qemu.pid'),
    hostSocket,
    savedState: join(vmDir, 'state.bin'),
    savedStateMeta: join(vmDir, 'state.json'),
    saveSocket,
    loadSocket,
  };
}
