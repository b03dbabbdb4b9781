// The guest image on disk: the manifest, sha256 verification, the OS disk unpacked only when the image
// changed, the data disk created sparse and grown, never shrunk; and the VM's OpenSSH key pair.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ensureDataDisk,
  findImageDir,
  installOsDisk,
  kernelFileOf,
  loadImage,
  manifestSha256,
  sha256File,
} from '../../../../../main/core/engines/vm/vm-artifacts';
import { ensureVmKey } from '../../../../../main/core/engines/vm/vm-key';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-vm-art-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hex = (char: string) => char.repeat(64);

async function fakeImage(folder: string): Promise<void> {
  execFileSync('mkdir', ['-p', folder]);
  await writeFile(join(folder, 'vmlinux'), 'kernel');
  await writeFile(join(folder, 'initrd'), 'initrd');
  await writeFile(join(folder, 'os.raw'), 'root filesystem');
  execFileSync('zstd', ['-q', '-f', join(folder, 'os.raw'), '-o', join(folder, 'os.img.zst')]);
  const artifacts: Record<string, { sha256: string }> = {};
  for (const name of ['vmlinux', 'initrd', 'os.img.zst'])
    artifacts[name] = { sha256: await sha256File(join(folder, name)) };
  await writeFile(join(folder, 'manifest.json'), JSON.stringify({ boot: { kernel: 'vmlinux' }, artifacts }));
}

describe('manifest', () => {
  it('finds sha256 where the image recipe writes it, and only there', () => {
    expect(manifestSha256({ artifacts: { initrd: { sha256: hex('a') } } }, 'initrd')).toBe(hex('a'));
    expect(manifestSha256({ artifacts: { initrd: { sha256: hex('B') } } }, 'initrd')).toBe(hex('b'));
    expect(manifestSha256({ sha256: { initrd: hex('c') } }, 'initrd')).toBeNull();
    expect(manifestSha256({ artifacts: { initrd: { sha256: 'short' } } }, 'initrd')).toBeNull();
    expect(kernelFileOf({ boot: { kernel: 'vmlinux' }, artifacts: { vmlinux: { sha256: hex('d') } } })).toBe('vmlinux');
    expect(kernelFileOf({ boot: { kernel: 'vmlinux' } })).toBe('vmlinuz');
  });

  it('verifies the kernel and initrd, and refuses a damaged one', async () => {
    const image = join(dir, 'cache', 'hash1');
    await fakeImage(image);
    expect(await findImageDir({ BERTH_VM_CACHE: join(dir, 'cache') })).toBe(image);
    expect((await loadImage(image)).kernel).toBe(join(image, 'vmlinux'));
    await writeFile(join(image, 'initrd'), 'tampered');
    await expect(loadImage(image)).rejects.toThrow(/does not match its manifest/);
  });

  it('says how to build the image when there is none', async () => {
    await expect(findImageDir({ BERTH_VM_CACHE: join(dir, 'none') })).rejects.toThrow(/npm run vm:image/);
  });
});

describe('disks', () => {
  it('unpacks the OS disk once per image', async () => {
    const image = join(dir, 'img');
    await fakeImage(image);
    const loaded = await loadImage(image);
    const osDisk = join(dir, 'os.img');
    expect(await installOsDisk(loaded, osDisk, join(dir, 'stamp'))).toBe(true);
    expect(await readFile(osDisk, 'utf8')).toBe('root filesystem');
    expect(await installOsDisk(loaded, osDisk, join(dir, 'stamp'))).toBe(false);
  });

  it('creates the data disk sparse and grows it, never shrinks it', async () => {
    const disk = join(dir, 'data.img');
    expect(await ensureDataDisk(disk, 4)).toBe(0);
    const created = await stat(disk);
    expect(created.size).toBe(4 * 1024 ** 3);
    expect(created.blocks * 512).toBeLessThan(1024 ** 2);
    expect(await ensureDataDisk(disk, 8)).toBe(4 * 1024 ** 3);
    await ensureDataDisk(disk, 4);
    expect((await stat(disk)).size).toBe(8 * 1024 ** 3);
  });
});

describe('the VM key pair', () => {
  it('is made once, in an OpenSSH format ssh2 and ssh-keygen read', async () => {
    const pair = await ensureVmKey(join(dir, 'k', 'id'), join(dir, 'k', 'id.pub'), 'berth-vm-test');
    expect(ssh2.utils.parseKey(pair.privateKey)).not.toBeInstanceOf(Error);
    expect(
      execFileSync('ssh-keygen', ['-y', '-f', join(dir, 'k', 'id')])
        .toString()
        .trim(),
    ).toBe(pair.publicKey);
    expect((await stat(join(dir, 'k', 'id'))).mode & 0o777).toBe(0o600);
    expect(await ensureVmKey(join(dir, 'k', 'id'), join(dir, 'k', 'id.pub'), 'other')).toEqual(pair);
  });
});
