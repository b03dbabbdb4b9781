// When Berth may run its own dockerd, and what it tells the user when it may not.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dockerdSupport,
  NEEDS_ROOT,
  NOT_INSTALLED,
  whichIn,
  type DockerdFacts,
} from '../../../../../main/core/engines/dockerd/dockerd-availability';

function facts(uid: number, installed: string[], platform: NodeJS.Platform = 'linux'): DockerdFacts {
  return { platform, uid, which: (command) => (installed.includes(command) ? `/usr/bin/${command}` : null) };
}

const engine = ['dockerd', 'containerd', 'runc'];

describe('dockerdSupport', () => {
  it('runs as root when dockerd, containerd and runc are installed', () => {
    expect(dockerdSupport(facts(0, engine))).toEqual({ available: true, mode: 'root', reason: null });
  });

  it('says how to install dockerd', () => {
    expect(dockerdSupport(facts(0, ['containerd', 'runc']))).toMatchObject({ available: false, reason: NOT_INSTALLED });
    expect(NOT_INSTALLED).toBe('dockerd is not installed: sudo apt install docker.io');
  });

  it('names what else is missing', () => {
    expect(dockerdSupport(facts(0, ['dockerd'])).reason).toBe(
      'containerd and runc are not installed, which dockerd needs: sudo apt install docker.io',
    );
  });

  it('runs rootless for a user with dockerd-rootless.sh and rootlesskit, and says how to set it up otherwise', () => {
    expect(dockerdSupport(facts(1000, [...engine, 'dockerd-rootless.sh', 'rootlesskit']))).toEqual({
      available: true,
      mode: 'rootless',
      reason: null,
    });
    expect(dockerdSupport(facts(1000, [...engine, 'dockerd-rootless.sh']))).toMatchObject({
      available: false,
      reason: NEEDS_ROOT,
    });
    expect(dockerdSupport(facts(1000, engine)).reason).toBe(
      'Berth needs root or rootless docker (dockerd-rootless-setuptool.sh install) to run its own engine',
    );
  });

  it('is Linux only', () => {
    expect(dockerdSupport(facts(0, engine, 'darwin'))).toMatchObject({
      available: false,
      reason: expect.stringMatching(/Linux only/),
    });
  });
});

describe('whichIn', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds executables on the given PATH only', async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-which-'));
    await mkdir(join(dir, 'bin'));
    await writeFile(join(dir, 'bin', 'dockerd'), '#!/bin/sh\n');
    await chmod(join(dir, 'bin', 'dockerd'), 0o755);
    await writeFile(join(dir, 'bin', 'plain'), 'not executable');
    const which = whichIn({ PATH: `${join(dir, 'missing')}:${join(dir, 'bin')}` });
    expect(which('dockerd')).toBe(join(dir, 'bin', 'dockerd'));
    expect(which('containerd')).toBeNull();
    expect(whichIn({ PATH: '' })('sh')).toBeNull();
    expect(which('plain')).toBeNull();
  });
});
