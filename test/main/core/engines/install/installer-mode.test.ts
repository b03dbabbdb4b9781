// When Berth can run its engine installer and how (root, pkexec, sudo with a rule), why it cannot otherwise, the
// argv of each launcher, and what a failed run means for the user.
import { describe, expect, it } from 'vitest';
import type { FileFacts } from '../../../../../main/core/engines/dockerd/helper-mode';
import {
  INSTALLER_PATHS,
  INSTALLER_POLKIT_ACTION,
  installerArgv,
  installerMode,
  installFailure,
  installOffer,
  type InstallerFacts,
  type InstallLauncher,
} from '../../../../../main/core/engines/install/installer-mode';

const rootFile: FileFacts = { uid: 0, mode: 0o100755, isFile: true, isDirectory: false };
const rootDir: FileFacts = { uid: 0, mode: 0o40755, isFile: false, isDirectory: true };
const installed = INSTALLER_PATHS[0]!;

function facts(overrides: Partial<InstallerFacts> & { files?: Record<string, FileFacts> } = {}): InstallerFacts {
  const files = overrides.files ?? { [installed]: rootFile, '/usr/local/libexec/berth': rootDir };
  return {
    user: 'ann',
    uid: 1000,
    override: null,
    stat: (path) => files[path] ?? null,
    which: (command) => (['sudo', 'pkexec'].includes(command) ? `/usr/bin/${command}` : null),
    desktop: false,
    sudoAllows: () => true,
    ...overrides,
  };
}

describe('installerMode', () => {
  it('runs the installer itself as root, pkexec in a desktop session, else sudo with a rule', () => {
    expect(installerMode(facts({ uid: 0 }))).toEqual({
      usable: true,
      launcher: { via: 'root', command: installed, installer: installed },
    });
    expect(installerMode(facts({ desktop: true }))).toEqual({
      usable: true,
      launcher: { via: 'pkexec', command: '/usr/bin/pkexec', installer: installed },
    });
    expect(installerMode(facts())).toEqual({
      usable: true,
      launcher: { via: 'sudo', command: '/usr/bin/sudo', installer: installed },
    });
  });

  it('offers no button where sudo wants a password Berth cannot type, with the exact sudoers line', () => {
    const asked: string[][] = [];
    const verdict = installerMode(
      facts({
        sudoAllows: (sudo, path) => {
          asked.push([sudo, path]);
          return false;
        },
      }),
    );
    expect(asked).toEqual([['/usr/bin/sudo', installed]]);
    expect(verdict.usable).toBe(false);
    expect(installOffer(verdict)).toEqual({
      available: false,
      reason: expect.stringContaining(`ann ALL=(root) NOPASSWD: ${installed}`),
    });
    expect(!verdict.usable && verdict.reason).toContain('Berth has no terminal to type it into');
  });

  it('says which privilege path is missing', () => {
    const noTools = { which: () => null };
    expect(installerMode(facts(noTools))).toEqual({
      usable: false,
      reason: expect.stringContaining('this session has no display for pkexec and sudo is not installed'),
    });
    expect(installerMode(facts({ ...noTools, desktop: true }))).toEqual({
      usable: false,
      reason: expect.stringContaining('neither pkexec nor sudo is installed'),
    });
    expect(!installerMode(facts(noTools)).usable && installerMode(facts(noTools))).toMatchObject({
      reason: expect.stringMatching(/^Berth runs its installer through pkexec/),
    });
  });

  it('refuses an installer that is missing, or that someone but root could change, even as root', () => {
    expect(installerMode(facts({ files: {} }))).toEqual({
      usable: false,
      reason: expect.stringContaining("Berth's engine installer is not installed (/usr/local/libexec/berth/"),
    });
    const writable = { [installed]: { ...rootFile, mode: 0o100777 }, '/usr/local/libexec/berth': rootDir };
    for (const uid of [0, 1000])
      expect(installerMode(facts({ uid, files: writable }))).toEqual({
        usable: false,
        reason: expect.stringContaining('Berth will not run the installer as root'),
      });
    const userFolder = { [installed]: rootFile, '/usr/local/libexec/berth': { ...rootDir, uid: 1000 } };
    expect(installerMode(facts({ files: userFolder }))).toMatchObject({ usable: false });
  });

  it('looks only at BERTH_ENGINE_INSTALLER when it is set', () => {
    const custom = '/opt/berth/berth-engine-install';
    const files = { [custom]: rootFile, '/opt/berth': rootDir, [installed]: rootFile };
    expect(installerMode(facts({ override: custom, files }))).toMatchObject({
      usable: true,
      launcher: { installer: custom },
    });
    expect(installerMode(facts({ override: '/nowhere/berth-engine-install' }))).toMatchObject({ usable: false });
  });
});

describe('installerArgv', () => {
  it('never passes the installer an argument; sudo never prompts', () => {
    const at = (via: InstallLauncher['via']): InstallLauncher => ({
      via,
      command: `/usr/bin/${via}`,
      installer: installed,
    });
    expect(installerArgv(at('sudo'))).toEqual(['-n', installed]);
    expect(installerArgv(at('pkexec'))).toEqual([installed]);
    expect(installerArgv({ via: 'root', command: installed, installer: installed })).toEqual([]);
  });
});

describe('installFailure', () => {
  const sudo: InstallLauncher = { via: 'sudo', command: '/usr/bin/sudo', installer: installed };
  const pkexec: InstallLauncher = { via: 'pkexec', command: '/usr/bin/pkexec', installer: installed };

  it("gives the installer's own last words, or says it was cancelled", () => {
    const output =
      'berth-engine-install: on Debian: apt-get install -y docker.io\nE: Unable to locate package docker.io\nberth-engine-install: apt-get install -y docker.io failed (exit 100); its output above says why\n';
    expect(installFailure(sudo, 'ann', 1, output)).toBe(
      'The install failed: apt-get install -y docker.io failed (exit 100); its output above says why',
    );
    expect(
      installFailure(
        sudo,
        'ann',
        130,
        'berth-engine-install: apt-get was interrupted (exit 130): run the command again',
      ),
    ).toBe('The install was cancelled: apt-get was interrupted (exit 130): run the command again');
  });

  it('explains sudo and polkit refusals', () => {
    expect(installFailure(sudo, 'ann', 1, 'sudo: a password is required\n')).toContain(
      `ann ALL=(root) NOPASSWD: ${installed}`,
    );
    expect(installFailure(pkexec, 'ann', 126, '')).toContain('The password dialog was dismissed or refused');
    expect(installFailure(pkexec, 'ann', 127, 'Not authorized')).toContain(INSTALLER_POLKIT_ACTION);
  });

  it('otherwise names what ran and what it said last', () => {
    expect(installFailure(sudo, 'ann', 3, 'line 1\nline 2\nline 3\nline 4\n')).toBe(
      `The install failed (sudo ${installed} exited 3): line 2 line 3 line 4`,
    );
    expect(installFailure({ via: 'root', command: installed, installer: installed }, 'root', null, '')).toBe(
      `The install failed (${installed} exited on a signal)`,
    );
  });
});
