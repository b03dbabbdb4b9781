// virtiofs for the shared folders, preferred over 9p where it runs: one virtiofsd per folder (Debian's C
// daemon needs root for its namespace sandbox, so a user's Berth falls back to 9p), each serving one QEMU over a
// vhost-user socket and exiting when that QEMU goes. virtiofs maps the guest's RAM into the daemon, so QEMU
// backs it with shared memory (memory-backend-memfd, share=on) on one NUMA node.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { shareTag } from './shared-folders';

export const DEFAULT_VIRTIOFSD = '/usr/lib/qemu/virtiofsd';
const SOCKET_DEADLINE_MS = 5_000;

export function virtiofsdBinary(env: NodeJS.ProcessEnv): string {
  return env.BERTH_VIRTIOFSD || DEFAULT_VIRTIOFSD;
}

export function virtiofsSocket(runtimeDir: string, index: number): string {
  return join(runtimeDir, `fs${index}.sock`);
}

/** QEMU options for shares already served on `sockets` (one per folder, in order), with the shared RAM. */
export function virtiofsQemuArgs(sockets: string[], memoryMiB: number): string[] {
  return [
    '-object',
    `memory-backend-memfd,id=mem,size=${memoryMiB}M,share=on`,
    '-numa',
    'node,memdev=mem',
    ...sockets.flatMap((socket, index) => [
      '-chardev',
      `socket,id=${shareTag(index)},path=${socket.replace(/,/g, ',,')}`,
      '-device',
      `vhost-user-fs-pci,chardev=${shareTag(index)},tag=${shareTag(index)}`,
    ]),
  ];
}

/** The daemon's command line for `folder` on `socket`. */
export function virtiofsdArgs(folder: string, socket: string): string[] {
  return [`--socket-path=${socket}`, '-o', `source=${folder}`, '-o', 'cache=auto'];
}

/** Starts virtiofsd and resolves once its socket exists; rejects (killing it) with its complaint otherwise. */
export async function startVirtiofsd(binary: string, folder: string, socket: string): Promise<ChildProcess> {
  await rm(socket, { force: true });
  const child = spawn(binary, virtiofsdArgs(folder, socket), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
  let failure: Error | null = null;
  child.once('error', (error) => (failure = error));
  child.once('exit', (code, signal) => (failure ??= new Error(`exited (${signal ?? `code ${code}`})`)));
  const deadline = Date.now() + SOCKET_DEADLINE_MS;
  while (!existsSync(socket)) {
    const failed = failure as Error | null;
    if (failed || Date.now() > deadline) {
      child.kill('SIGKILL');
      const why = failed ? failed.message : `no socket within ${SOCKET_DEADLINE_MS / 1000} s`;
      throw new Error(`${binary} for ${folder}: ${why}${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}
