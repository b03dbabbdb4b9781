// A daemon's log file growing while the engine runs: a real file written through an append descriptor (as the
// daemons write it) stays under the cap, the old part goes to <file>.1, and every line still reaches the tail.
import { open, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogTail } from '../../../../../main/core/engines/dockerd/log-tail';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-log-tail-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('LogTail rotation while running', () => {
  it('keeps the file under the cap, copying the old part to .1, without losing lines to the tail', async () => {
    const file = join(dir, 'dockerd.log');
    const writer = await open(file, 'a');
    const seen: string[] = [];
    const errors: Error[] = [];
    const cap = 64 * 1024;
    const tail = new LogTail(
      file,
      'dockerd',
      0,
      (lines) => seen.push(...lines),
      (error) => errors.push(error),
      cap,
    );
    const line = (index: number) => `line ${String(index).padStart(6, '0')} ${'x'.repeat(90)}\n`;
    let written = 0;
    let largest = 0;
    for (let batch = 0; batch < 40; batch += 1) {
      // 10 KiB a batch: 400 KiB in all, six times the cap.
      for (let index = 0; index < 100; index += 1) await writer.write(line(written++));
      await tail.flush();
      largest = Math.max(largest, (await stat(file)).size);
    }
    await tail.stop();
    await writer.close();
    expect(errors).toEqual([]);
    // Never more than the cap plus what one poll can find (one batch here).
    expect(largest).toBeLessThanOrEqual(cap + 12 * 1024);
    expect((await stat(`${file}.1`)).size).toBeGreaterThan(cap);
    expect(seen).toHaveLength(written);
    expect(seen[written - 1]).toBe(`[dockerd] ${line(written - 1).trim()}`);
    // The file holds only what came after the last rotation, from its start.
    expect((await readFile(file, 'utf8')).startsWith('line ')).toBe(true);
  });

  it('reads a file truncated by someone else from its start', async () => {
    const file = join(dir, 'containerd.log');
    const writer = await open(file, 'a');
    const seen: string[] = [];
    const tail = new LogTail(
      file,
      'containerd',
      0,
      (lines) => seen.push(...lines),
      () => undefined,
    );
    await writer.write('first line, quite a long one\n');
    await tail.flush();
    await writer.truncate(0);
    await writer.write('second\n');
    await tail.flush();
    await writer.close();
    expect(seen).toEqual(['[containerd] first line, quite a long one', '[containerd] second']);
  });
});
