// The tar walk on archives made here: every entry seen, a cap that ends it early says so and destroys the
// source (an unread engine response would keep its connection busy), a body read whole, a cut source.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAllCapped, walkArchive } from '../../../../main/core/files/archive-walk';
import { tar } from '../../../../main/core/files/tar';

function archive(count: number, size = 10): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    pack.on('data', (chunk: Buffer) => chunks.push(chunk));
    pack.on('end', () => resolve(Buffer.concat(chunks)));
  });
  for (let index = 0; index < count; index += 1)
    pack.entry({ name: `./f${index}`, size, mode: 0o644 }, Buffer.alloc(size, index % 256));
  pack.finalize();
  return done;
}

const roomy = { maxBytes: 1 << 30, maxEntries: 1_000_000, maxMs: 10_000 };

describe('walkArchive', () => {
  it('sees every entry of a whole archive', async () => {
    const names: string[] = [];
    const source = Readable.from([await archive(50)]);
    const result = await walkArchive(source, { entry: (header) => (names.push(header.name), 'skip') }, roomy);
    expect(result.truncated).toBe(false);
    expect(names).toHaveLength(50);
    expect(names[0]).toBe('./f0');
  });

  it('stops at the entry cap, says it is truncated and destroys the source', async () => {
    const source = Readable.from([await archive(50)]);
    const result = await walkArchive(source, { entry: () => 'skip' }, { ...roomy, maxEntries: 10 });
    expect(result.truncated).toBe(true);
    expect(source.destroyed).toBe(true);
  });

  it('stops at the byte cap', async () => {
    const data = await archive(200, 4096);
    const source = Readable.from([data.subarray(0, 300_000), data.subarray(300_000)]);
    const result = await walkArchive(source, { entry: () => 'skip' }, { ...roomy, maxBytes: 200_000 });
    expect(result.truncated).toBe(true);
    expect(source.destroyed).toBe(true);
  });

  it('stops at the time cap on a source that never ends', async () => {
    const source = new PassThrough();
    source.write((await archive(3)).subarray(0, 1024));
    const result = await walkArchive(source, { entry: () => 'skip' }, { ...roomy, maxMs: 50 });
    expect(result.truncated).toBe(true);
    expect(source.destroyed).toBe(true);
  });

  it('hands over a body read whole and ends when told', async () => {
    let body: Buffer | null = null;
    const source = Readable.from([await archive(3, 100_000)]);
    const result = await walkArchive(
      source,
      { entry: () => 'read', body: (_header, data) => ((body = data), false) },
      roomy,
    );
    expect(result.truncated).toBe(false);
    expect(body).toHaveLength(100_000);
    expect(source.destroyed).toBe(true);
  });
});

describe('readAllCapped', () => {
  it('reads up to the cap and fails past it, destroying the source', async () => {
    expect(await readAllCapped(Readable.from([Buffer.alloc(10)]), 100, () => new Error('big'))).toHaveLength(10);
    const big = Readable.from([Buffer.alloc(60), Buffer.alloc(60)]);
    await expect(readAllCapped(big, 100, () => new Error('big'))).rejects.toThrow('big');
    expect(big.destroyed).toBe(true);
  });
});
