// The VM image download: a folder served over HTTP with manifest.json and the artifacts; the manifest is
// pinned by its sha256, the artifacts by the manifest. A wrong hash anywhere leaves nothing in the cache.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOWNLOAD_LIMITS, downloadImage, resolveImageDir } from '../../../../../main/core/engines/vm/vm-image-source';
import type { IncomingMessage, ServerResponse } from 'node:http';

const sha = (data: string) => createHash('sha256').update(data).digest('hex');
const artifacts: Record<string, string> = {
  vmlinuz: 'kernel bytes',
  initrd: 'initrd bytes',
  'os.img.zst': 'disk bytes',
};

let served: Record<string, string>;
let server: Server;
let url: string;
let cache: string;

beforeEach(async () => {
  const manifest = JSON.stringify({
    artifacts: Object.fromEntries(Object.entries(artifacts).map(([name, data]) => [name, { sha256: sha(data) }])),
  });
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
    const dir = await resolveImageDir(
      env({ BERTH_VM_IMAGE_URL: url, BERTH_VM_IMAGE_SHA256: sha(served['manifest.json']!) }),
    );
    expect(await readFile(join(dir, 'os.img.zst'), 'utf8')).toBe('disk bytes');
    served = {};
    expect(await resolveImageDir(env({ BERTH_VM_IMAGE_URL: url, BERTH_VM_IMAGE_SHA256: sha('anything') }))).toBe(dir);
  });

  it('refuses a manifest whose sha256 is not the configured one, keeping nothing', async () => {
    await expect(
      resolveImageDir(env({ BERTH_VM_IMAGE_URL: url, BERTH_VM_IMAGE_SHA256: sha('another manifest') })),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/refusing it/) });
    expect(await readdir(cache)).toEqual([]);
  });

  it('refuses an artifact that does not match the manifest, keeping nothing', async () => {
    served.initrd = 'tampered';
    await expect(
      resolveImageDir(env({ BERTH_VM_IMAGE_URL: url, BERTH_VM_IMAGE_SHA256: sha(served['manifest.json']!) })),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/initrd has sha256/) });
    expect(await readdir(cache)).toEqual([]);
  });

  it('will not download without the manifest hash, and says how to get an image otherwise', async () => {
    await expect(resolveImageDir(env({ BERTH_VM_IMAGE_URL: url }))).rejects.toMatchObject({
      message: expect.stringMatching(/without BERTH_VM_IMAGE_SHA256/),
    });
    await expect(resolveImageDir(env({}))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/npm run vm:image/),
    });
  });

  it('prefers BERTH_VM_IMAGE_DIR', async () => {
    await writeFile(join(cache, 'unused'), '');
    expect(await resolveImageDir(env({ BERTH_VM_IMAGE_DIR: '/opt/berth-vm' }))).toBe('/opt/berth-vm');
  });
});

describe('downloadImage limits', () => {
  /** A server whose answer for each file the test decides; every response it holds open is ended in afterEach. */
  let behave: (name: string, res: ServerResponse, req: IncomingMessage) => void;
  let hostile: Server;
  let base: string;
  const open = new Set<ServerResponse>();
  const limits = { ...DOWNLOAD_LIMITS, idleMs: 300, fileMs: 2_000, manifestBytes: 4096 };

  beforeEach(async () => {
    hostile = createServer((req, res) => {
      open.add(res);
      behave((req.url ?? '').replace('/image/', ''), res, req);
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(hostile.address() as { port: number }).port}/image/`;
  });

  afterEach(async () => {
    for (const res of open) res.destroy();
    open.clear();
    hostile.closeAllConnections();
    await new Promise((resolve) => hostile.close(resolve));
  });

  const manifestWith = (sizes: Record<string, number>) =>
    JSON.stringify({
      artifacts: Object.fromEntries(
        Object.entries(artifacts).map(([name, data]) => [
          name,
          { sha256: sha(data), size: sizes[name] ?? data.length },
        ]),
      ),
    });

  it('gives up on a server that accepts and never answers, within the idle time', async () => {
    behave = () => undefined;
    const started = Date.now();
    await expect(downloadImage(base, sha('x'), cache, limits)).rejects.toMatchObject({
      code: 'ENGINE_UNREACHABLE',
      message: expect.stringMatching(/sent nothing for 0.3 s/),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await readdir(cache)).toEqual([]);
  });

  it('gives up on a download that stalls halfway', async () => {
    const manifest = manifestWith({});
    behave = (name, res) => {
      if (name === 'manifest.json') res.end(manifest);
      else {
        res.writeHead(200, { 'content-length': String(artifacts[name]!.length) });
        res.write(artifacts[name]!.slice(0, 4));
      }
    };
    await expect(downloadImage(base, sha(manifest), cache, limits)).rejects.toMatchObject({
      message: expect.stringMatching(/sent nothing for 0.3 s/),
    });
    expect(await readdir(cache)).toEqual([]);
  });

  it('gives up on a download that trickles forever, at the per-file limit', async () => {
    behave = (_name, res) => {
      res.writeHead(200);
      const timer = setInterval(() => (res.writableEnded || res.destroyed ? clearInterval(timer) : res.write(' ')), 50);
      res.on('close', () => clearInterval(timer));
    };
    const started = Date.now();
    await expect(downloadImage(base, sha('x'), cache, { ...limits, manifestBytes: 1024 * 1024 })).rejects.toMatchObject(
      { message: expect.stringMatching(/took longer than 2 s/) },
    );
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('refuses a manifest over its cap, announced or not', async () => {
    behave = (_name, res) => {
      res.writeHead(200);
      res.end('x'.repeat(10_000));
    };
    await expect(downloadImage(base, sha('x'), cache, limits)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/larger than the 4096 bytes/),
    });
    behave = (_name, res) => {
      res.writeHead(200, { 'content-length': String(1024 ** 3) });
      res.write('{');
    };
    await expect(downloadImage(base, sha('x'), cache, limits)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readdir(cache)).toEqual([]);
  });

  it('refuses an artifact that runs past the size its manifest gives, without reading it all', async () => {
    const manifest = manifestWith({ 'os.img.zst': 10 });
    let sent = 0;
    behave = (name, res) => {
      if (name === 'manifest.json') res.end(manifest);
      else if (name !== 'os.img.zst') res.end(artifacts[name]);
      else {
        // Without a length: an endless body, stopped only by the cap.
        res.writeHead(200);
        const block = Buffer.alloc(64 * 1024);
        const pump = () => {
          while (!res.destroyed && res.write(block)) sent += block.length;
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      }
    };
    await expect(downloadImage(base, sha(manifest), cache, limits)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/os.img.zst is larger than the 10 bytes/),
    });
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect(await readdir(cache)).toEqual([]);
  });
});
