// Finds the guest image (kernel, initrd, compressed OS disk, manifest.json) that `npm run vm:image` built or
// the app ships, checks each artifact against the manifest's sha256, and prepares the VM's own disks: the
// OS disk unpacked again whenever the image changed (it is replaceable), the data disk created sparse and
// grown when the setting grows (the guest grows its filesystem at boot; it is never shrunk).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BerthError } from '../../../shared/errors';
import { toolCommand } from '../../tool-path';

export const ARTIFACTS = ['kernel', 'initrd', 'os.img.zst'] as const;
export type ArtifactName = (typeof ARTIFACTS)[number];

export interface VmImage {
  dir: string;
  kernel: string;
  initrd: string;
  osImageZst: string;
  sha256: Record<ArtifactName, string>;
}

/** The kernel file to boot: the manifest's `boot.kernel` (the uncompressed vmlinux boots faster, PVH entry) when it lists its sha256, else vmlinuz. */
export function kernelFileOf(manifest: unknown): string {
  const boot = (manifest as { boot?: { kernel?: unknown } } | null)?.boot;
  const named = typeof boot?.kernel === 'string' ? boot.kernel : null;
  return named && !named.includes('/') && manifestSha256(manifest, named) ? named : 'vmlinuz';
}

const GiB = 1024 ** 3;

export function vmCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.BERTH_VM_CACHE) return env.BERTH_VM_CACHE;
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'berth', 'vm');
}

/** The sha256 the manifest records for an artifact, as scripts/vm/write-manifest.sh writes it: `artifacts.<name>.sha256`. */
export function manifestSha256(manifest: unknown, name: string): string | null {
  const artifacts = (manifest as { artifacts?: Record<string, { sha256?: unknown } | undefined> } | null)?.artifacts;
  const value = artifacts?.[name]?.sha256;
  return typeof value === 'string' && /^[0-9a-f]{64}$/i.test(value) ? value.toLowerCase() : null;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** `BERTH_VM_IMAGE_DIR`, else the cache dir itself or its newest sub-folder with a manifest.json. */
export async function findImageDir(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.BERTH_VM_IMAGE_DIR) return env.BERTH_VM_IMAGE_DIR;
  const cache = vmCacheDir(env);
  if (await exists(join(cache, 'manifest.json'))) return cache;
  const names = await readdir(cache).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  let newest: { dir: string; mtimeMs: number } | null = null;
  for (const name of names) {
    const manifest = join(cache, name, 'manifest.json');
    const info = await stat(manifest).catch(() => null);
    if (info && (!newest || info.mtimeMs > newest.mtimeMs)) newest = { dir: join(cache, name), mtimeMs: info.mtimeMs };
  }
  if (!newest)
    throw new BerthError(
      'NOT_FOUND',
      `No VM image in ${cache}: build it with \`npm run vm:image\` (Linux, root), or set BERTH_VM_IMAGE_DIR to a folder with vmlinuz, initrd, os.img.zst and manifest.json.`,
    );
  return newest.dir;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Reads the manifest; `verify` lists the artifacts whose bytes are checked now (the OS image only when it is unpacked). */
export async function loadImage(dir: string, verify: readonly ArtifactName[] = ['kernel', 'initrd']): Promise<VmImage> {
  const manifest: unknown = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const files: Record<ArtifactName, string> = {
    kernel: kernelFileOf(manifest),
    initrd: 'initrd',
    'os.img.zst': 'os.img.zst',
  };
  const sha256 = {} as Record<ArtifactName, string>;
  for (const name of ARTIFACTS) {
    const expected = manifestSha256(manifest, files[name]);
    if (!expected)
      throw new BerthError(
        'CONFLICT',
        `${join(dir, 'manifest.json')} has no sha256 for ${files[name]}: rebuild the image with \`npm run vm:image\`.`,
      );
    sha256[name] = expected;
  }
  const image: VmImage = {
    dir,
    kernel: join(dir, files.kernel),
    initrd: join(dir, 'initrd'),
    osImageZst: join(dir, 'os.img.zst'),
    sha256,
  };
  for (const name of verify) await verifyArtifact(join(dir, files[name]), sha256[name]);
  return image;
}

export async function verifyArtifact(file: string, expected: string): Promise<void> {
  const actual = await sha256File(file);
  if (actual !== expected) {
    throw new BerthError(
      'CONFLICT',
      `${file} does not match its manifest (sha256 ${actual}, expected ${expected}): the image is damaged or half-written; rebuild it with \`npm run vm:image\`.`,
    );
  }
}

function unzstd(source: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The zstd tool writes sparse files, so the unused part of the OS disk takes no space.
    const child = spawn(toolCommand('zstd', process.env), ['-d', '-q', '-f', '--sparse', source, '-o', target], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) =>
      reject(
        new BerthError(
          'CONFLICT',
          `Berth needs the zstd tool to unpack the VM's OS disk: ${error.message}. Install zstd.`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`zstd could not unpack ${source}: ${stderr.trim() || `exit ${code}`}`)),
    );
  });
}

/** Unpacks the OS disk when it is missing or came from another image; returns whether it did. */
export async function installOsDisk(image: VmImage, osDisk: string, stampFile: string): Promise<boolean> {
  const stamp = await readFile(stampFile, 'utf8').catch(() => '');
  if (stamp.trim() === image.sha256['os.img.zst'] && (await exists(osDisk))) return false;
  await verifyArtifact(image.osImageZst, image.sha256['os.img.zst']);
  const temp = `${osDisk}.partial`;
  await rm(temp, { force: true });
  await unzstd(image.osImageZst, temp);
  await rename(temp, osDisk);
  await writeFile(stampFile, `${image.sha256['os.img.zst']}\n`);
  return true;
}

/** Creates the data disk sparse, or grows it to `diskGiB`; returns its size before (0 when new). */
export async function ensureDataDisk(file: string, diskGiB: number): Promise<number> {
  const handle = await open(file, 'a');
  try {
    const { size } = await handle.stat();
    if (size < diskGiB * GiB) await handle.truncate(diskGiB * GiB);
    return size;
  } finally {
    await handle.close();
  }
}
