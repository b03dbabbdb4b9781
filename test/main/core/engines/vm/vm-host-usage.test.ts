// The host's side of a VM's usage: QEMU's VmRSS parsed from /proc/<pid>/status, and a sparse file's real size
// (its allocated blocks) rather than its apparent one.
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocatedBytes, parseVmRss, processRssBytes } from '../../../../../main/core/engines/vm/vm-host-usage';

describe('parseVmRss', () => {
  it('reads VmRSS in bytes', () => {
    const status = 'Name:\tqemu-system-x86\nVmPeak:\t 3000000 kB\nVmRSS:\t  524288 kB\nRssAnon:\t 500000 kB\n';
    expect(parseVmRss(status)).toBe(524288 * 1024);
  });

  it('is null without the line (a kernel thread, a zombie)', () => {
    expect(parseVmRss('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeNull();
  });
});

describe('processRssBytes', () => {
  it("reads this process's own RSS on Linux, and nothing elsewhere or without a pid", async () => {
    if (process.platform === 'linux') expect(await processRssBytes(process.pid)).toBeGreaterThan(1024 * 1024);
    expect(await processRssBytes(process.pid, 'darwin')).toBeNull();
    expect(await processRssBytes(undefined)).toBeNull();
  });

  it('is null for a process that is gone', async () => {
    expect(await processRssBytes(2 ** 22 + 1, 'linux')).toBeNull();
  });
});

describe('allocatedBytes', () => {
  it("counts a sparse file's allocated blocks, not its apparent size", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-sparse-'));
    try {
      const file = join(dir, 'data.img');
      const handle = await open(file, 'w');
      await handle.truncate(1024 ** 3);
      await handle.write(Buffer.alloc(1024 * 1024, 1), 0, 1024 * 1024, 0);
      await handle.close();
      const allocated = await allocatedBytes(file);
      expect(allocated).toBeGreaterThanOrEqual(1024 * 1024);
      expect(allocated).toBeLessThan(64 * 1024 * 1024);
      expect(await allocatedBytes(join(dir, 'absent.img'))).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
