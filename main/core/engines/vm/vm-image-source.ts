// Where the VM image comes from, in order: `BERTH_VM_IMAGE_DIR`; the packaged app's resources (electron-builder
// ships the artifacts as extra resources under `resources/vm`); the local cache (`npm run vm:image`); else a
// configured download — `BERTH_VM_IMAGE_URL` (a folder holding manifest.json and the artifacts) with
// `BERTH_VM_IMAGE_SHA256`, the sha256 of that manifest, which pins every artifact's sha256 in turn. A download
// lands in the cache under the manifest's hash, whole or not at all.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { get } from 'node:http';
import { get as getHttps } from 'node:https';
import { join } from 'node:path';
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

function fetchTo(url: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https:') ? getHttps : get)(url, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new BerthError('NOT_FOUND', `Downloading the VM image: ${url} answered ${response.statusCode}.`));
        return;
      }
      pipeline(response, createWriteStream(file)).then(resolve, reject);
    });
    request.on('error', (error) => reject(new BerthError('ENGINE_UNREACHABLE', `Downloading the VM image from ${url} failed: ${error.message}.`)));
  });
}

/** Downloads and checks the image into the cache; returns its folder. */
export async function downloadImage(baseUrl: string, manifestSha: string, cacheDir: string): Promise<string> {
  const dir = join(cacheDir, `download-${manifestSha.slice(0, 16)}`);
  if (await hasManifest(dir)) return dir;
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    await fetchTo(`${base}manifest.json`, join(partial, 'manifest.json'));
    const manifestText = await readFile(join(partial, 'manifest.json'));
    const actual = createHash('sha256').update(manifestText).digest('hex');
    if (actual !== manifestSha.toLowerCase()) throw new BerthError('CONFLICT', `The VM image manifest at ${base} has sha256 ${actual}, not the configured ${manifestSha}: refusing it.`);
    const manifest: unknown = JSON.parse(manifestText.toString('utf8'));
    for (const name of [kernelFileOf(manifest), 'initrd', 'os.img.zst']) {
      const expected = manifestSha256(manifest, name);
      if (!expected) throw new BerthError('CONFLICT', `The VM image manifest at ${base} lists no sha256 for ${name}.`);
      await fetchTo(`${base}${name}`, join(partial, name));
      const got = await sha256File(join(partial, name));
      if (got !== expected) throw new BerthError('CONFLICT', `${base}${name} has sha256 ${got}, not the manifest's ${expected}: refusing it.`);
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
    if (!env.BERTH_VM_IMAGE_SHA256) throw new BerthError('CONFLICT', 'BERTH_VM_IMAGE_URL is set without BERTH_VM_IMAGE_SHA256 (the sha256 of its manifest.json): Berth does not run an image it cannot verify.');
    const cache = vmCacheDir(env);
    await mkdir(cache, { recursive: true });
    return downloadImage(env.BERTH_VM_IMAGE_URL, env.BERTH_VM_IMAGE_SHA256, cache);
  }
}
