// virtiofs's QEMU options and daemon, and the session's choice: virtiofs when its daemons serve, else 9p.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShareSession } from '../../../../../main/core/engines/vm/share-session';
import { virtfsArgs } from '../../../../../main/core/engines/vm/shared-folders';
import { startVirtiofsd, virtiofsdArgs, virtiofsQemuArgs } from '../../../../../main/core/engines/vm/virtiofs';

let dir = '';
afterEach(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

function session(env: NodeJS.ProcessEnv, lines: string[]) {
  return new ShareSession({ folders: ['/home/me'], runtimeDir: dir, env, memoryMiB: 1024, note: (l) => lines.push(l) });
}

describe('virtiofs', () => {
  it("shares the guest's RAM and adds one vhost-user-fs device per folder", () => {
    expect(virtiofsQemuArgs(['/run/vm/fs0.sock', '/run/vm/fs1.sock'], 1024)).toEqual([
      '-object',
      'memory-backend-memfd,id=mem,size=1024M,share=on',
      '-numa',
      'node,memdev=mem',
      '-chardev',
      'socket,id=berth0,path=/run/vm/fs0.sock',
      '-device',
      'vhost-user-fs-pci,chardev=berth0,tag=berth0',
      '-chardev',
      'socket,id=berth1,path=/run/vm/fs1.sock',
      '-device',
      'vhost-user-fs-pci,chardev=berth1,tag=berth1',
    ]);
    expect(virtiofsdArgs('/home/me', '/run/vm/fs0.sock')).toEqual([
      '--socket-path=/run/vm/fs0.sock',
      '-o',
      'source=/home/me',
      '-o',
      'cache=auto',
    ]);
  });

  it('reports a daemon that exits before its socket appears, with its complaint', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bvfs-'));
    await expect(startVirtiofsd('/bin/false', '/home/me', join(dir, 'fs0.sock'))).rejects.toThrow(
      /\/bin\/false for \/home\/me: exited \(code 1\)/,
    );
  });
});

describe('ShareSession', () => {
  it('falls back to 9p when virtiofsd is missing, and says so', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bvfs-'));
    const lines: string[] = [];
    const shares = session({ BERTH_VIRTIOFSD: join(dir, 'none') }, lines);
    expect(await shares.qemuArgs()).toEqual(virtfsArgs(['/home/me']));
    expect(shares.mechanism).toBe('9p');
    expect(lines.join('\n')).toMatch(/virtiofs is not available \(.*none is not installed\): .* virtio-9p/);
  });

  it('falls back to 9p when virtiofsd fails, and uses 9p alone when told to', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bvfs-'));
    const lines: string[] = [];
    expect(await session({ BERTH_VIRTIOFSD: '/bin/false' }, lines).qemuArgs()).toEqual(virtfsArgs(['/home/me']));
    expect(lines.join('\n')).toContain('exited (code 1)');
    const forced: string[] = [];
    expect(await session({ BERTH_VM_SHARES: '9p' }, forced).qemuArgs()).toEqual(virtfsArgs(['/home/me']));
    expect(forced).toEqual([]);
  });
});
