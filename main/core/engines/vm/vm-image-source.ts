// Where the VM image comes from, in order: `BERTH_VM_IMAGE_DIR`; the packaged app's resources (electron-builder
// ships the artifacts as extra resources under `resources/vm`); the local cache (`npm run vm:image`); else a
// configured download — `BERTH_VM_IMAGE_URL` (a folder holding manifest.json and the artifacts) with
// `BERTH_VM_IMAGE_SHA256`, the sha256 of that manifest, which pins every artifact's sha256 in turn. A download
// lands in the cache under the manifest's hash, whole or not at all, and is bounded: each file in size (the
// manifest's own size for an artifact) and in time (a server that goes silent, or one that trickles forever).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { get } from 'node:http';
import { get as getHttps } from 'node:https';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BerthError } from '../../../shared/errors';
import { findImageDir, kernelFileOf, manifestSha256, sha256File, vmCacheDir } from './vm-artifacts';

/** The Electron app's resources folder; absent under plain Node. */
function resourcesPath(): string | undefined {
  return (process as { resourcesPath?: string }).resourcesPath;
}

async function hasManifest(dir: string): Promise<boolean> {
  return stat(join(dir, 'manifest.json')).then(
    () => true,
    () => false,
  );
}

export interface DownloadLimits {
  /** The manifest is a few KiB. */
  manifestBytes: number;
  /** For an artifact whose size the manifest does not give. */
  artifactBytes: number;
  /** Nothing received for this long: the server is stalled. */
  idleMs: number;
  /** One file taking longer than this is given up, however slowly bytes still come. */
  fileMs: number;
}

export const DOWNLOAD_LIMITS: DownloadLimits = {
  manifestBytes: 1024 * 1024,
  artifactBytes: 4 * 1024 ** 3,
  idleMs: 60_000,
  fileMs: 30 * 60_000,
};

function fetchTo(url: string, file: string, maxBytes: number, limits: DownloadLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(overall);
      if (error) {
        request.destroy();
        reject(error);
      } else resolve();
    };
    const overall = setTimeout(
      () =>
        settle(
          new BerthError(
            'ENGINE_UNREACHABLE',
            `Downloading the VM image: ${url} took longer than ${limits.fileMs / 1000} s and was stopped.`,
          ),
        ),
      limits.fileMs,
    );
    const tooLarge = () =>
      new BerthError(
        'CONFLICT',
        `Downloading the VM image: ${url} is larger than the ${maxBytes} bytes expected; refusing it.`,
      );
    const request = (url.startsWith('https:') ? getHttps : get)(url, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        settle(new BerthError('NOT_FOUND', `Downloading the VM image: ${url} answered ${response.statusCode}.`));
        return;
      }
      if (Number(response.headers['content-length']) > maxBytes) {
        settle(tooLarge());
        return;
      }
      let received = 0;
      const bounded = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          received += chunk.length;
          if (received > maxBytes) done(tooLarge());
          else done(null, chunk);
        },
      });
      pipeline(response, bounded, createWriteStream(file)).then(
        () => settle(null),
        (error: Error) =>
          settle(
            error instanceof BerthError
              ? error
              : new BerthError('ENGINE_UNREACHABLE', `Downloading the VM image from ${url} failed: ${error.message}.`),
          ),
      );
    });
    request.setTimeout(limits.idleMs, () =>
      settle(
        new BerthError(
          'ENGINE_UNREACHABLE',
          `Downloading the VM image: ${url} sent nothing for ${limits.idleMs / 1000} s; the download was stopped.`,
        ),
      ),
    );
    request.on('error', (error) =>
      settle(new BerthError('ENGINE_UNREACHABLE', `Downloading the VM image from ${url} failed: ${error.message}.`)),
    );
  });
}

/** The size the manifest gives an artifact (scripts/vm/write-manifest.sh writes `artifacts.<name>.size`), or null. */
function manifestSize(manifest: unknown, name: string): number | null {
  const artifacts = (manifest as { artifacts?: Record<string, { size?: unknown } | undefined> } | null)?.artifacts;
  const size = artifacts?.[name]?.size;
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : null;
}

/** Downloads and checks the image into the cache; returns its folder. */
export async function downloadImage(
  baseUrl: string,
  manifestSha: string,
  cacheDir: string,
  limits: DownloadLimits = DOWNLOAD_LIMITS,
): Promise<string> {
  const dir = join(cacheDir, `download-${manifestSha.slice(0, 16)}`);
  if (await hasManifest(dir)) return dir;
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    await fetchTo(`${base}manifest.json`, join(partial, 'manifest.json'), limits.manifestBytes, limits);
    const manifestText = await readFile(join(partial, 'manifest.json'));
    const actual = createHash('sha256').update(manifestText).digest('hex');
    if (actual !== manifestSha.toLowerCase())
      throw new BerthError(
        'CONFLICT',
        `The VM image manifest at ${base} has sha256 ${actual}, not the configured ${manifestSha}: refusing it.`,
      );
    const manifest: unknown = JSON.parse(manifestText.toString('utf8'));
    for (const name of [kernelFileOf(manifest), 'initrd', 'os.img.zst']) {
      const expected = manifestSha256(manifest, name);
      if (!expected) throw new BerthError('CONFLICT', `The VM image manifest at ${base} lists no sha256 for ${name}.`);
      // Its sha256 is pinned, so any byte beyond the size the manifest gives cannot be right.
      await fetchTo(
        `${base}${name}`,
        join(partial, name),
        manifestSize(manifest, name) ?? limits.artifactBytes,
        limits,
      );
      const got = await sha256File(join(partial, name));
      if (got !== expected)
        throw new BerthError(
          'CONFLICT',
          `${base}${name} has sha256 ${got}, not the manifest's ${expected}: refusing it.`,
        );
    }
    await rename(partial, dir);
    return dir;
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

export async function resolveImageDir(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.BERTH_VM_IMAGE_DIR) return env.BERTH_VM_IMAGE_DIR;
  const packaged = resourcesPath();
  if (packaged && (await hasManifest(join(packaged, 'vm')))) return join(packaged, 'vm');
  try {
    return await findImageDir(env);
  } catch (error) {
    if (!env.BERTH_VM_IMAGE_URL) throw error;
    if (!env.BERTH_VM_IMAGE_SHA256)
      throw new BerthError(
        'CONFLICT',
        'BERTH_VM_IMAGE_URL is set without BERTH_VM_IMAGE_SHA256 (the sha256 of its manifest.json): Berth does not run an image it cannot verify.',
      );
    const cache = vmCacheDir(env);
    await mkdir(cache, { recursive: true });
    return downloadImage(env.BERTH_VM_IMAGE_URL, env.BERTH_VM_IMAGE_SHA256, cache);
  }
}
