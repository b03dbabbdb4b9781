// The VM image download: a folder served over HTTP with manifest.json and the artifacts; the manifest is
// pinned by its sha256, the artifacts by the manifest. A wrong hash anywhere leaves nothing in the cache.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveImageDir } from '../../../../../main/core/engines/vm/vm-image-source';

const sha = (data: string) => createHash('sha256').update(data).digest('hex');
const artifacts: Record<string, string> = { vmlinuz: 'kernel bytes', initrd: 'initrd bytes', 'os.img.zst': 'disk bytes' };

let served: Record<string, string>;
let server: Server;
let url: string;
let cache: string;

beforeEach(async () => {
  const manifest = JSON.stringify({ artifacts: Object.fromEntries(Object.entries(artifacts).map(([name, data]) => [name, { sha256: sha(data) }])) });
  served = { 'manifest.json': manifest, ...artifacts };
  server = createServer((req, res) => {
    const body = served[(req.url ?? '').replace('/image/', '')];
    res.writeHead(body === undefined ? 404 : 200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  url = `http://127.0.0.1:${address.port}/image/`;
  cache = await mkdtemp(join(tmpdir(), 'berth-vm-cache-'));
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(cache, { recursive: true, force: true });
});

const env = (extra: Record<string, string>) => ({ BERTH_VM_CACHE: cache, ...extra });

describe('resolveImageDir with a download URL', () => {
  it('downloads a verified image into the cache, and reuses it', async () => {
    const dir = await resolveImageDir(env({ BERTH_VM_IMAGE_URL: url, BERTH_VM_IMAGE_SHA256: sha(served['manifest.json']!) }));
    expect(await readFile(join(dir, 'os.img.zst'), 'utf8')).toBe('disk bytes');
    served = {};
    expect(await resolveImageDir(env({ BERTH_VM_IMAGE_URL: url, BERTH_VM_IMAGE_SHA256: sha('anything') }))).toBe(dir);
  });

  it('refuses a manifest whose sha256 is not the configured one, keeping nothing', async () => {
    await expect(resolveImageDir(env({ BERTH_VM_IMAGE_URL: url, BERTH_VM_IMAGE_SHA256: sha('another manifest') }))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/refusing it/) });
    expect(await readdir(cache)).toEqual([]);
  });

  it('refuses an artifact that does not match the manifest, keeping nothing', async () => {
    served.initrd = 'tampered';
    await expect(resolveImageDir(env({ BERTH_VM_IMAGE_URL: url, BERTH_VM_IMAGE_SHA256: sha(served['manifest.json']!) }))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/initrd has sha256/) });
    expect(await readdir(cache)).toEqual([]);
  });

  it('will not download without the manifest hash, and says how to get an image otherwise', async () => {
    await expect(resolveImageDir(env({ BERTH_VM_IMAGE_URL: url }))).rejects.toMatchObject({ message: expect.stringMatching(/without BERTH_VM_IMAGE_SHA256/) });
    await expect(resolveImageDir(env({}))).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/npm run vm:image/) });
  });

  it('prefers BERTH_VM_IMAGE_DIR', async () => {
    await writeFile(join(cache, 'unused'), '');
    expect(await resolveImageDir(env({ BERTH_VM_IMAGE_DIR: '/opt/berth-vm' }))).toBe('/opt/berth-vm');
  });
});
