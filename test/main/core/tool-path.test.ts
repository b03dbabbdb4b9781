// The one resolver for the programs Berth runs: as root, the system folders before the caller's PATH, so a
// same-named script placed early on PATH is not what root runs; as a normal user, the user's PATH first.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHostCommand } from '../../../main/core/engines/dockerd/host-command';
import { systemDockerdFacts } from '../../../main/core/engines/dockerd/dockerd-availability';
import { CredentialHelper } from '../../../main/core/registries/credential-helper';
import { findTool, toolPath } from '../../../main/core/tool-path';

let bin: string;
const isRoot = process.getuid?.() === 0;

beforeEach(async () => {
  bin = await mkdtemp(join(tmpdir(), 'berth-path-'));
  // Same names as system tools, each saying it is the impostor.
  for (const name of ['uname', 'dockerd', 'containerd', 'zstd', 'sh'])
    await writeFile(join(bin, name), '#!/bin/sh\necho IMPOSTOR\n', { mode: 0o755 });
});

afterEach(async () => {
  await rm(bin, { recursive: true, force: true });
});

describe('toolPath', () => {
  it('puts the system folders first for root and drops relative entries', () => {
    expect(toolPath({ PATH: `${bin}:.:bin:/opt/x` }, 0).split(':')).toEqual([
      '/usr/sbin',
      '/usr/bin',
      '/sbin',
      '/bin',
      '/usr/local/sbin',
      '/usr/local/bin',
      bin,
      '/opt/x',
    ]);
  });

  it("keeps a normal user's PATH first, with the system folders after it", () => {
    expect(toolPath({ PATH: `${bin}:/usr/bin` }, 1000).split(':')).toEqual([
      bin,
      '/usr/bin',
      '/usr/sbin',
      '/sbin',
      '/bin',
      '/usr/local/sbin',
      '/usr/local/bin',
    ]);
  });
});

describe('findTool', () => {
  it('finds the system program for root and the PATH one for a user', () => {
    expect(findTool('uname', { PATH: bin }, 0)).toMatch(/^\/(usr\/)?bin\/uname$/);
    expect(findTool('uname', { PATH: bin }, 1000)).toBe(join(bin, 'uname'));
  });

  it('still finds what only the PATH has (a helper in ~/bin)', async () => {
    await writeFile(join(bin, 'docker-credential-only-here'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findTool('docker-credential-only-here', { PATH: bin }, 0)).toBe(join(bin, 'docker-credential-only-here'));
    expect(findTool('no-such-tool-anywhere', { PATH: bin }, 0)).toBeNull();
  });
});

describe.skipIf(!isRoot)('as root (this process), the spawning code', () => {
  it('runHostCommand runs the system uname, not the one first on PATH', async () => {
    expect((await runHostCommand('uname', ['-s'], { PATH: bin })).trim()).toBe('Linux');
  });

  it("the own-engine check finds the system's dockerd and containerd, not the PATH's", () => {
    const { which } = systemDockerdFacts({ PATH: bin }, 'linux');
    for (const name of ['dockerd', 'containerd']) {
      const found = which(name);
      if (found !== null) expect(found.startsWith(bin)).toBe(false);
    }
  });

  it('a credential helper only the PATH has (say in ~/bin) still runs, while sh resolves to the system one', async () => {
    expect(findTool('sh', { PATH: bin })).not.toBe(join(bin, 'sh'));
    await writeFile(join(bin, 'docker-credential-mine'), '#!/bin/sh\necho \'{"Username":"u","Secret":"s"}\'\n', {
      mode: 0o755,
    });
    await expect(new CredentialHelper('mine', { PATH: bin }).get('r.example')).resolves.toEqual({
      username: 'u',
      secret: 's',
    });
  });
});
