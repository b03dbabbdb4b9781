// When Berth may run its own dockerd, and what it tells the user when it may not.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HelperVerdict } from '../../../../../main/core/engines/dockerd/helper-mode';
import type { RootlessVerdict } from '../../../../../main/core/engines/dockerd/rootless-mode';
import {
  dockerdSupport,
  NOT_INSTALLED,
  ROOT_NOTE,
  whichIn,
  type DockerdFacts,
} from '../../../../../main/core/engines/dockerd/dockerd-availability';

const rootlessOk: RootlessVerdict = { usable: true, limits: false, note: 'Rootless: no limits here.' };
const rootlessLimits: RootlessVerdict = { usable: true, limits: true, note: 'Rootless with limits.' };
const noHelper: HelperVerdict = { usable: false, reason: 'The helper is not installed: install it.' };
const helperOk: HelperVerdict = {
  usable: true,
  launcher: { via: 'sudo', command: '/usr/bin/sudo', helper: '/usr/local/libexec/berth/berth-engine-helper' },
};

function facts(
  uid: number,
  installed: string[],
  platform: NodeJS.Platform = 'linux',
  rootless: RootlessVerdict = rootlessOk,
  helper: HelperVerdict = noHelper,
): DockerdFacts {
  return {
    platform,
    uid,
    which: (command) => (installed.includes(command) ? `/usr/bin/${command}` : null),
    rootless: () => rootless,
    helper: () => helper,
  };
}

const engine = ['dockerd', 'containerd', 'runc'];

describe('dockerdSupport', () => {
  it('runs as root when dockerd, containerd and runc are installed', () => {
    expect(dockerdSupport(facts(0, engine))).toEqual({
      available: true,
      mode: 'root',
      reason: null,
      note: ROOT_NOTE,
      limits: true,
    });
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

  it('runs rootless for a normal user with the note of rootless-mode.ts, or says why it cannot', () => {
    expect(dockerdSupport(facts(1000, engine))).toEqual({
      available: true,
      mode: 'rootless',
      reason: null,
      note: "Rootless: no limits here. Berth's privileged helper would run a root engine whose limits work. The helper is not installed: install it.",
      limits: false,
    });
    expect(dockerdSupport(facts(1000, engine, 'linux', { usable: false, reason: 'no subuid' }))).toEqual({
      available: false,
      mode: null,
      reason:
        "no subuid Or let Berth's privileged helper run a root engine for you. The helper is not installed: install it.",
      note: null,
      limits: null,
    });
  });

  it('stays rootless where its limits work, even with the helper installed', () => {
    expect(dockerdSupport(facts(1000, engine, 'linux', rootlessLimits, helperOk))).toEqual({
      available: true,
      mode: 'rootless',
      reason: null,
      note: 'Rootless with limits.',
      limits: true,
    });
  });

  it('chooses the installed helper where rootless containers get no limits (cgroup v1), saying why', () => {
    const support = dockerdSupport(facts(1000, engine, 'linux', rootlessOk, helperOk));
    expect(support).toMatchObject({ available: true, mode: 'helper', limits: true, launcher: helperOk.launcher });
    expect(support.note).toContain('through sudo');
    expect(support.note).toContain('Berth chose it over rootless, whose containers get no limits on this machine.');
  });

  it('chooses the helper where rootless cannot run at all', () => {
    const support = dockerdSupport(facts(1000, engine, 'linux', { usable: false, reason: 'no subuid' }, helperOk));
    expect(support.mode).toBe('helper');
    expect(support.note).toContain('rootless cannot run here: no subuid');
  });

  it("follows the engine's setting: rootless or the helper outright, with the reason when it cannot", () => {
    expect(dockerdSupport(facts(1000, engine, 'linux', rootlessOk, helperOk), 'rootless')).toMatchObject({
      mode: 'rootless',
      note: 'Rootless: no limits here.',
    });
    expect(dockerdSupport(facts(1000, engine, 'linux', rootlessLimits, helperOk), 'helper').note).toContain(
      'You chose the helper for this engine.',
    );
    expect(dockerdSupport(facts(1000, engine, 'linux', rootlessLimits, noHelper), 'helper')).toMatchObject({
      available: false,
      reason: 'The helper is not installed: install it.',
    });
    expect(
      dockerdSupport(facts(1000, engine, 'linux', { usable: false, reason: 'no subuid' }, helperOk), 'rootless'),
    ).toMatchObject({ available: false, reason: 'no subuid' });
  });

  it('runs as root for a root Berth whatever the setting says', () => {
    expect(dockerdSupport(facts(0, engine, 'linux', rootlessOk, helperOk), 'helper').mode).toBe('root');
  });

  it('never asks about rootless as root', () => {
    const asked = facts(0, engine);
    asked.rootless = () => {
      throw new Error('asked');
    };
    asked.helper = () => {
      throw new Error('asked');
    };
    expect(dockerdSupport(asked).mode).toBe('root');
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
