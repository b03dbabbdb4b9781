// The guest engine's socket served on the host is this user's alone (0600), whatever the umask: whoever can
// connect controls the engine.
import { PassThrough } from 'node:stream';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostSocket } from '../../../../../main/core/engines/vm/host-socket';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('HostSocket', () => {
  it('listens on a socket only its user can connect to, even with a permissive umask', async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-host-socket-'));
    const path = join(dir, 'docker.sock');
    const previous = process.umask(0o000);
    let socket: HostSocket;
    try {
      socket = await HostSocket.listen(
        path,
        async () => new PassThrough(),
        () => undefined,
      );
    } finally {
      process.umask(previous);
    }
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await socket.close();
  });
});
