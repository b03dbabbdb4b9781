// Which distribution family an os-release names, the exact command shown for it, and that the installer script
// decides the same: the real script runs unprivileged with each fixture (BERTH_INSTALL_OS_RELEASE, which it
// reads only when not root), says what it would run and refuses; that must be the command Berth shows.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FAMILY_INSTALLS,
  installCommandLine,
  installFamily,
} from '../../../../../main/core/engines/install/distro-install';
import { parseOsRelease } from '../../../../../main/core/engines/setup-options';

const FIXTURES = join(__dirname, 'os-release');
const SCRIPT = resolve(__dirname, '../../../../../assets/helper/berth-engine-install');
const fixture = (name: string) => parseOsRelease(readFileSync(join(FIXTURES, name), 'utf8'));

/** The script as a user who is not root (here: nobody, through runuser, when the test runs as root). */
function runUnprivileged(osRelease: string): Promise<{ code: number; stderr: string }> {
  const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', BERTH_INSTALL_OS_RELEASE: osRelease };
  const [command, args] =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'nobody', '--', 'env', `BERTH_INSTALL_OS_RELEASE=${osRelease}`, 'sh', SCRIPT]]
      : ['sh', [SCRIPT]];
  return new Promise((done) => {
    execFile(command as string, args as string[], { env, encoding: 'utf8' }, (error, _stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr }),
    );
  });
}

describe('installFamily', () => {
  it.each([
    ['debian', 'debian'],
    ['ubuntu', 'debian'],
    ['pop', 'debian'],
    ['fedora', 'fedora'],
    ['arch', 'arch'],
    ['manjaro', 'arch'],
    ['opensuse-tumbleweed', 'suse'],
    // RHEL's kin name fedora in ID_LIKE but have no moby-engine; Gentoo and Alpine are not covered.
    ['rocky', null],
    ['gentoo', null],
    ['alpine', null],
  ])('%s → %s', (name, family) => {
    expect(installFamily(fixture(name))).toBe(family);
  });

  it('shows the exact commands, the install then the service', () => {
    expect(installCommandLine('debian')).toBe(
      'sudo apt-get install -y docker.io && sudo systemctl enable --now docker',
    );
    expect(installCommandLine('fedora')).toBe('sudo dnf install -y moby-engine && sudo systemctl enable --now docker');
    expect(installCommandLine('arch')).toBe('sudo pacman -S --noconfirm docker && sudo systemctl enable --now docker');
    expect(installCommandLine('suse')).toBe(
      'sudo zypper --non-interactive install docker && sudo systemctl enable --now docker',
    );
  });
});

describe('the installer script decides as distro-install.ts does', () => {
  it.each(readdirSync(FIXTURES))('%s', async (name) => {
    const ran = await runUnprivileged(join(FIXTURES, name));
    // Unprivileged, it never installs: it refuses in every case, saying why.
    expect(ran.code).toBe(2);
    const family = installFamily(fixture(name));
    if (family) {
      expect(ran.stderr).toContain('run me through pkexec or sudo');
      expect(ran.stderr).toContain(`I would run: ${FAMILY_INSTALLS[family].install.join(' ')})`);
      expect(ran.stderr).toContain(fixture(name).PRETTY_NAME!);
    } else {
      expect(ran.stderr).toContain('is not a distribution Berth installs an engine on');
      expect(ran.stderr).toContain(`ID=${fixture(name).ID}`);
    }
  });

  it('refuses any argument, and an os-release it cannot read', async () => {
    const withArgument = await new Promise<{ code: number; stderr: string }>((done) =>
      execFile('sh', [SCRIPT, '--add-to-docker-group'], { encoding: 'utf8' }, (error, _stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, stderr }),
      ),
    );
    expect(withArgument).toMatchObject({ code: 2, stderr: expect.stringContaining('no arguments') });
    const missing = await runUnprivileged('/nonexistent/os-release');
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read /nonexistent/os-release') });
  });
});
