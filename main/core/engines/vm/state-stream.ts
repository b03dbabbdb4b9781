// The bytes of a VM's saved state between QEMU and its file. QEMU's seccomp sandbox forbids it to start a
// compressor itself (`exec:` migration), so Berth stands between: on save QEMU connects to a socket Berth listens
// on and Berth pipes it into `zstd -1` writing the file; on resume QEMU listens and Berth connects, feeding it
// `zstd -dc` of the file.
import { spawn, type ChildProcess } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import net from 'node:net';

function exitOf(child: ChildProcess, what: string): Promise<void> {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`${what} could not start: ${error.message}`)));
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${what} ended with ${signal ?? `exit code ${code}`}${stderr ? `: ${stderr.trim()}` : ''}`)),
    );
  });
}

export interface Receiving {
  /** Resolves once QEMU's stream ended and the compressed file is written and synced to disk. */
  done: Promise<void>;
  /** Stops listening and ends the compressor (a save that failed before or while QEMU sent). */
  abort(): Promise<void>;
}

/** Listens on `socketPath` for QEMU's one connection and writes what it sends to `file`, compressed. */
export async function receiveState(zstd: string, socketPath: string, file: string): Promise<Receiving> {
  await rm(socketPath, { force: true });
  // Paused on connect: Berth must not read a byte of the socket it hands to zstd.
  const server = net.createServer({ pauseOnConnect: true });
  let compressor: ChildProcess | null = null;
  const done = new Promise<void>((resolve, reject) => {
    server.once('connection', (socket) => {
      server.close();
      // Level 1 with two threads: the save is bound by this, and a higher level saves little on mostly-zero pages.
      // The socket itself is zstd's input: the bytes do not pass through Berth's event loop.
      const child = spawn(zstd, ['-1', '-T2', '-q', '-f', '-o', file], { stdio: [socket, 'ignore', 'pipe'] });
      compressor = child;
      exitOf(child, 'zstd')
        .finally(() => socket.destroy())
        .then(() => syncFile(file))
        .then(resolve, reject);
    });
    server.once('error', reject);
  });
  done.catch(() => undefined);
  await new Promise<void>((resolve, reject) => server.listen(socketPath, resolve).once('error', reject));
  return {
    done,
    abort: async () => {
      server.close();
      (compressor as ChildProcess | null)?.kill('SIGKILL');
      await rm(socketPath, { force: true });
    },
  };
}

/** Connects to QEMU listening on `socketPath` and sends it the decompressed `file`; resolves once all is sent. */
export async function sendState(zstd: string, socketPath: string, file: string): Promise<void> {
  const socket = net.connect(socketPath);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  // The socket itself is zstd's output: the bytes do not pass through Berth's event loop.
  const child = spawn(zstd, ['-dc', '-q', file], { stdio: ['ignore', socket, 'pipe'] });
  try {
    await exitOf(child, 'zstd -dc');
  } finally {
    socket.destroy();
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
