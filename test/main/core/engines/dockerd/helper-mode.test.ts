// When Berth may run its engine through the privileged helper, how it calls it, and the paths it derives.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HELPER_PATHS,
  HELPER_POLKIT_ACTION,
  helperLayout,
  helperMode,
  sudoersLine,
  type FileFacts,
  type HelperFacts,
} from '../../../../../main/core/engines/dockerd/helper-mode';

const rootFile: FileFacts = { uid: 0, mode: 0o100755, isFile: true, isDirectory: false };
const rootDir: FileFacts = { uid: 0, mode: 0o40755, isFile: false, isDirectory: true };
const installed = HELPER_PATHS[0];

function facts(overrides: Partial<HelperFacts> & { files?: Record<string, FileFacts> } = {}): HelperFacts {
  const files = overrides.files ?? { [installed]: rootFile, '/usr/local/libexec/berth': rootDir };
  return {
    user: 'ann',
    override: null,
    stat: (path) => files[path] ?? null,
    which: (command) => (['sudo', 'pkexec'].includes(command) ? `/usr/bin/${command}` : null),
    desktop: false,
    ...overrides,
  };
}

describe('helperMode', () => {
  it('uses sudo in a terminal and pkexec in a desktop session', () => {
    expect(helperMode(facts())).toEqual({
      usable: true,
      launcher: { via: 'sudo', command: '/usr/bin/sudo', helper: installed },
    });
    expect(helperMode(facts({ desktop: true }))).toEqual({
      usable: true,
      launcher: { via: 'pkexec', command: '/usr/bin/pkexec', helper: installed },
    });
  });

  it('falls back to sudo in a desktop session without pkexec', () => {
    const which = (command: string) => (command === 'sudo' ? '/usr/bin/sudo' : null);
    expect(helperMode(facts({ desktop: true, which }))).toMatchObject({ usable: true, launcher: { via: 'sudo' } });
  });

  it('says how to install it when it is not there', () => {
    const verdict = helperMode(facts({ files: {} }));
    expect(verdict).toMatchObject({ usable: false });
    if (verdict.usable) return;
    expect(verdict.reason).toContain(`not installed (${HELPER_PATHS.join(' or ')})`);
    expect(verdict.reason).toContain('sudo install -D -o root -g root -m 0755');
  });

  it('looks only at BERTH_ENGINE_HELPER when it is set', () => {
    const files = { '/opt/h/helper': rootFile, '/opt/h': rootDir, [installed]: rootFile };
    expect(helperMode(facts({ override: '/opt/h/helper', files }))).toMatchObject({
      launcher: { helper: '/opt/h/helper' },
    });
    expect(helperMode(facts({ override: '/opt/none', files }))).toMatchObject({ usable: false });
  });

  it('refuses a helper (or folder) that someone other than root could change', () => {
    const reason = (files: Record<string, FileFacts>) => {
      const verdict = helperMode(facts({ files }));
      return verdict.usable ? null : verdict.reason;
    };
    const folder = '/usr/local/libexec/berth';
    expect(reason({ [installed]: { ...rootFile, uid: 1000 }, [folder]: rootDir })).toContain('is not owned by root');
    expect(reason({ [installed]: { ...rootFile, mode: 0o100775 }, [folder]: rootDir })).toContain(
      'can be changed by others than root (mode 775)',
    );
    expect(reason({ [installed]: rootFile, [folder]: { ...rootDir, mode: 0o41777 } })).toContain(
      `its folder ${folder} can be changed`,
    );
    expect(reason({ [installed]: rootFile, [folder]: { ...rootDir, uid: 1000 } })).toContain('Reinstall it');
  });

  it('says what to install when neither pkexec nor sudo can run it', () => {
    const verdict = helperMode(facts({ which: () => null }));
    expect(verdict.usable ? null : verdict.reason).toContain('no display for pkexec and sudo is not installed');
    const desktop = helperMode(facts({ which: () => null, desktop: true }));
    expect(desktop.usable ? null : desktop.reason).toContain('neither pkexec nor sudo is installed');
  });
});

describe('helperLayout and sudoersLine', () => {
  it('derives every path from the uid, as the helper script does', () => {
    expect(helperLayout(1000)).toEqual({
      socketPath: '/run/berth-engine/1000/docker.sock',
      host: 'unix:///run/berth-engine/1000/docker.sock',
      pidfile: '/run/berth-engine/1000/dockerd.pid',
      dockerdLog: '/var/lib/berth-engine/1000/dockerd.log',
      containerdLog: '/var/lib/berth-engine/1000/containerd.log',
      dataDir: '/var/lib/berth-engine/1000',
    });
  });

  it('allows that user that helper only, without a password', () => {
    expect(sudoersLine('ann', installed)).toBe(`ann ALL=(root) NOPASSWD: ${installed}`);
  });
});

describe('the polkit action', () => {
  it('names the action Berth reports and the path Berth looks at first', async () => {
    const policy = await readFile(
      resolve(__dirname, '../../../../../assets/polkit/dev.berth.engine-helper.policy'),
      'utf8',
    );
    expect(policy).toContain(`<action id="${HELPER_POLKIT_ACTION}">`);
    expect(policy).toContain(`<annotate key="org.freedesktop.policykit.exec.path">${HELPER_PATHS[0]}</annotate>`);
    expect(policy).toContain('<allow_active>auth_admin_keep</allow_active>');
  });
});
