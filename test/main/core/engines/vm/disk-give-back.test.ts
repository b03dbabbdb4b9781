// Which engine events free disk space in the VM (so a trim follows them), and Compact measuring the disk file
// around the trim.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DiskGiveBack, freesDiskSpace } from '../../../../../main/core/engines/vm/disk-give-back';

describe('freesDiskSpace', () => {
  it('is true for removals and prunes, false for the rest', () => {
    expect(freesDiskSpace({ Type: 'container', Action: 'destroy' })).toBe(true);
    expect(freesDiskSpace({ Type: 'image', Action: 'delete' })).toBe(true);
    expect(freesDiskSpace({ Type: 'volume', Action: 'destroy' })).toBe(true);
    expect(freesDiskSpace({ Type: 'builder', Action: 'prune' })).toBe(true);
    expect(freesDiskSpace({ Type: 'container', Action: 'die' })).toBe(false);
    expect(freesDiskSpace({ Type: 'image', Action: 'untag' })).toBe(false);
    expect(freesDiskSpace({ Type: 'network', Action: 'destroy' })).toBe(false);
  });
});

describe('DiskGiveBack', () => {
  it('compacts: trims and says how much the disk file shrank', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-giveback-'));
    const dataDisk = join(dir, 'data.img');
    await writeFile(dataDisk, Buffer.alloc(2 * 1024 * 1024, 1));
    const note = vi.fn<(line: string) => void>();
    const giveBack = new DiskGiveBack({
      dataDisk,
      note,
      // The "guest" frees half the file, as QEMU punching holes would.
      trim: async () => {
        await writeFile(dataDisk, Buffer.alloc(1024 * 1024, 1));
        return 5 * 1024 * 1024;
      },
      timing: { debounceMs: 10, maxWaitMs: 10, intervalMs: 0 },
    });
    try {
      const result = await giveBack.compact();
      expect(result.trimmedBytes).toBe(5 * 1024 * 1024);
      expect(result.beforeBytes).toBeGreaterThanOrEqual(2 * 1024 * 1024);
      expect(result.afterBytes).toBeLessThan(result.beforeBytes);
      expect(result.shrunkBytes).toBe(result.beforeBytes - result.afterBytes);
      expect(note).toHaveBeenCalledWith(expect.stringMatching(/trimmed: 5\.0 MiB discarded/));
    } finally {
      giveBack.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
