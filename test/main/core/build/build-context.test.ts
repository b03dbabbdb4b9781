import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareContext } from '../../../../main/core/build/build-context';

let folder = '';
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function make(files: Record<string, string | Buffer>): Promise<string> {
  folder = await mkdtemp(join(tmpdir(), 'berth-context-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(folder, path, '..'), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  return folder;
}

/** The tar's entry names and its total size, from the stream the engine would get. */
async function tarOf(stream: NodeJS.ReadableStream): Promise<{ bytes: number; names: string[] }> {
  let bytes = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    chunks.push(chunk as Buffer);
  }
  const all = Buffer.concat(chunks);
  const names: string[] = [];
  // ustar: 512-byte headers, the name in the first 100 bytes, the size (octal) at 124.
  for (let offset = 0; offset + 512 <= all.length;) {
    const name = all
      .subarray(offset, offset + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    if (name === '') break;
    const prefix = all
      .subarray(offset + 345, offset + 500)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    const size = parseInt(
      all
        .subarray(offset + 124, offset + 136)
        .toString('utf8')
        .trim() || '0',
      8,
    );
    names.push(prefix ? `${prefix}/${name}` : name);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return { bytes, names };
}

describe('prepareContext', () => {
  it('sends only what .dockerignore keeps (folders, globs, ! exceptions), never a big ignored file', async () => {
    const root = await make({
      Dockerfile: 'FROM scratch\n',
      '.dockerignore': 'Dockerfile\n.dockerignore\nbig.bin\n**/*.tmp\ncache\n!cache/keep\n',
      'big.bin': Buffer.alloc(8 * 1024 * 1024),
      'src/a.txt': 'a',
      'src/deep/b.tmp': 'b',
      'cache/drop': 'x',
      'cache/keep': 'k',
    });
    const context = await prepareContext(root, undefined);
    // The Dockerfile and .dockerignore go even when listed, as docker sends them.
    expect(context).toMatchObject({ dockerfile: 'Dockerfile', files: 4, ignored: 3 });
    const tar = await tarOf(context.tar());
    expect(tar.bytes).toBeLessThan(64 * 1024);
    expect(tar.names).toEqual(expect.arrayContaining(['Dockerfile', '.dockerignore', 'src/a.txt', 'cache/keep']));
    expect(tar.names.some((name) => /big\.bin|b\.tmp|cache\/drop/.test(name))).toBe(false);
  });

  it('sends everything without a .dockerignore and counts its size', async () => {
    const root = await make({ Dockerfile: 'FROM scratch\n', 'x/y.txt': '12345' });
    const context = await prepareContext(root, undefined);
    expect(context).toMatchObject({ files: 2, ignored: 0, bytes: 'FROM scratch\n'.length + 5 });
    expect((await tarOf(context.tar())).names).toEqual(expect.arrayContaining(['Dockerfile', 'x/y.txt']));
  });

  it('refuses a relative folder, a missing one, a file, and a Dockerfile outside or absent', async () => {
    const root = await make({ 'a.txt': 'a' });
    await expect(prepareContext('rel/path', undefined)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(prepareContext(join(root, 'nope'), undefined)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(prepareContext(join(root, 'a.txt'), undefined)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(prepareContext(root, '../Dockerfile')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(prepareContext(root, '/etc/passwd')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(prepareContext(root, undefined)).rejects.toThrow(/There is no Dockerfile in/);
  });
});
