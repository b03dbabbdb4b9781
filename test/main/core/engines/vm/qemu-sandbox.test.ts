// The sandbox probe against real programs: Debian's QEMU takes it; a QEMU without seccomp (played by a script
// that fails as such a build does) and a missing binary do not.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxSupported } from '../../../../../main/core/engines/vm/qemu-sandbox';

describe('sandboxSupported', () => {
  it.skipIf(!existsSync('/usr/bin/qemu-system-x86_64'))("says yes for this machine's QEMU", async () => {
    await expect(sandboxSupported('/usr/bin/qemu-system-x86_64')).resolves.toBe(true);
  });

  it('says no for a build that refuses -sandbox, and for no binary at all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-qemu-'));
    try {
      const fake = join(dir, 'qemu-system-x86_64');
      await writeFile(
        fake,
        '#!/bin/sh\necho "qemu-system-x86_64: -sandbox support is not enabled in this QEMU binary" >&2\nexit 1\n',
        { mode: 0o755 },
      );
      await expect(sandboxSupported(fake)).resolves.toBe(false);
      await expect(sandboxSupported(join(dir, 'absent'))).resolves.toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
