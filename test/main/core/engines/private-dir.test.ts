// The runtime-folder check on real folders: created 0700, and refused when another user owns it, group or
// others can write it, or it is a symbolic link (what someone else on the machine could set up under /tmp).
import { chmod, chown, lstat, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir } from '../../../../main/core/engines/private-dir';

let base: string;
const isRoot = process.getuid?.() === 0;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'berth-private-dir-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('ensurePrivateDir', () => {
  it('creates a missing folder, with its parents, mode 0700', async () => {
    const dir = join(base, 'berth-1000', 'vm-x');
    await ensurePrivateDir(dir);
    expect((await lstat(dir)).mode & 0o777).toBe(0o700);
    expect((await lstat(join(base, 'berth-1000'))).mode & 0o777).toBe(0o700);
  });

  it('accepts an existing folder of this user that only it can write', async () => {
    const dir = join(base, 'mine');
    await mkdir(dir, { mode: 0o755 });
    await expect(ensurePrivateDir(dir)).resolves.toBeUndefined();
  });

  it('refuses a folder others can write, saying what to do', async () => {
    const dir = join(base, 'open');
    await mkdir(dir);
    await chmod(dir, 0o777);
    await expect(ensurePrivateDir(dir)).rejects.toThrow(/can be written by every user \(mode 777\).*BERTH_RUNTIME_DIR/);
    await chmod(dir, 0o770);
    await expect(ensurePrivateDir(dir)).rejects.toThrow(/can be written by its group/);
  });

  it.skipIf(!isRoot)('refuses a folder another user created first (as under /tmp)', async () => {
    const dir = join(base, 'berth-0');
    await mkdir(dir, { mode: 0o700 });
    await chown(dir, 65534, 65534);
    await expect(ensurePrivateDir(dir)).rejects.toThrow(/belongs to another user \(uid 65534\)/);
  });

  it('refuses a symbolic link in place of the folder', async () => {
    const target = join(base, 'elsewhere');
    await mkdir(target, { mode: 0o700 });
    await symlink(target, join(base, 'link'));
    await expect(ensurePrivateDir(join(base, 'link'))).rejects.toThrow(/is a symbolic link/);
  });
});
