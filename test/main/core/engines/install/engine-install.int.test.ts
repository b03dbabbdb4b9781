// Berth's engine installer for real (issue 17): the test makes a user of its own, installs the installer
// root-owned in a folder only root can change and, for the success path, gives that user a sudo rule for it
// (NOPASSWD, that path only). Then install-engine-user.ts runs as the user, where Berth's core offers the
// Install button (or says why not) and runs setup:install-engine through `sudo -n`. On this Debian machine
// docker.io is installed already, so the fixed command (`apt-get install -y docker.io`) changes nothing: the
// run is wrapped in a network namespace of its own (`unshare -n`) to prove it needs no network, and the package
// list (dpkg -l) must be the same after it. systemd does not run here, so no service is started; no engine is
// touched. Also the refusals: arguments; run by the user directly (with an os-release override, which it reads
// only then: an unknown distribution, and a known one it would install on); the override ignored when root
// runs it; and Berth without the sudo rule, which offers no button and gives the exact sudoers line. A cancel
// goes through sudo too: a root-owned stand-in that waits is stopped by setup:cancel-install (Berth signals
// sudo, which relays the SIGINT to the root command).
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sudoersLine } from '../../../../../main/core/engines/dockerd/helper-mode';
import { INSTALLER_POLKIT_ACTION } from '../../../../../main/core/engines/install/installer-mode';
import { SYSTEM_PATH } from '../../../../harness/run-command';
import { polkitForTest, type PolkitForTest } from '../dockerd/polkit-fixture';

const USER = 'berth-install-test';
const REPO = resolve(__dirname, '../../../../..');
const SCRIPT = join(__dirname, 'install-engine-user.ts');
const FIXTURES = join(__dirname, 'os-release');
const SUDOERS = `/etc/sudoers.d/${USER}`;
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, timeout = 240_000): Promise<Ran> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', env: { PATH: SYSTEM_PATH, ...env }, cwd: REPO, timeout, maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

let base = '';
let installer = '';
let skipReason: string | null = null;
let polkit: PolkitForTest | null = null;

async function prepare(): Promise<string | null> {
  if (process.getuid?.() !== 0) return 'the test must run as root to create its own user and sudo rule';
  if ((await run('sh', ['-c', 'command -v sudo'])).code !== 0) return 'sudo is not installed: apt install sudo';
  if ((await run('dpkg-query', ['-W', '-f=${Status}', 'docker.io'])).stdout !== 'install ok installed')
    return 'docker.io is not installed, so the installer would download it: this test only runs where it is a no-op';
  if ((await run('id', ['-u', USER])).code !== 0) {
    const made = await run('useradd', ['--create-home', '--shell', '/usr/sbin/nologin', USER]);
    if (made.code !== 0) return `useradd ${USER} failed: ${made.stderr.trim()}`;
  }
  base = await mkdtemp('/tmp/berth-install-');
  // As an install would leave it: root's, in a folder only root can change (Berth checks both).
  await chmod(base, 0o755);
  installer = join(base, 'berth-engine-install');
  await copyFile(join(REPO, 'assets', 'helper', 'berth-engine-install'), installer);
  await chmod(installer, 0o755);
  return null;
}

/**
 * install-engine-user.ts as the test user, in a network namespace of its own: without a display (so: sudo -n), or
 * with `DISPLAY` in `extra` (a desktop session as Berth sees one: pkexec).
 */
async function asUser(script = installer, args: string[] = [], extra: string[] = []): Promise<Record<string, unknown>> {
  const env = [
    ...extra,
    `HOME=/home/${USER}`,
    'PATH=/usr/local/bin:/usr/bin:/bin',
    `BERTH_CONFIG_DIR=${join(base, 'config')}`,
    `DOCKER_HOST=unix://${join(base, 'no-engine.sock')}`,
    `BERTH_ENGINE_INSTALLER=${script}`,
    'BERTH_EMBEDDED_ENGINE=0',
  ];
  const ran = await run('unshare', ['-n', 'runuser', '-u', USER, '--', 'env', '-i', ...env, TSX, SCRIPT, ...args]);
  const line = ran.stdout.split('\n').find((entry) => entry.startsWith('RESULT '));
  expect(line, `the user's script failed (${ran.code}):\n${ran.stdout}\n${ran.stderr}`).toBeDefined();
  return JSON.parse(line!.slice('RESULT '.length)) as Record<string, unknown>;
}

const packages = async () => (await run('dpkg', ['-l'])).stdout;

beforeAll(async () => {
  skipReason = await prepare();
  if (skipReason) console.log(`[install-test] skipped: ${skipReason}`);
  else {
    polkit = await polkitForTest(USER, INSTALLER_POLKIT_ACTION, installer);
    if (polkit.skip) console.log(`[install-test] the pkexec test is skipped: ${polkit.skip}`);
  }
}, 60_000);

afterAll(async () => {
  await rm(SUDOERS, { force: true });
  await polkit?.cleanup();
  if (base) await rm(base, { recursive: true, force: true });
  const removed = await run('userdel', ['--remove', USER]);
  if (removed.code !== 0 && !/does not exist/.test(removed.stderr))
    console.log(`[install-test] userdel ${USER}: ${removed.stderr.trim()}`);
}, 60_000);

describe("the distribution's engine through Berth's installer", () => {
  it('refuses arguments, and a user running it directly, whatever os-release the user names', async (context) => {
    if (skipReason) context.skip();
    const withArgument = await run(installer, ['--add-to-docker-group']);
    expect(withArgument).toMatchObject({ code: 2, stderr: expect.stringContaining('no arguments') });
    const asUserUnknown = await run('runuser', [
      '-u',
      USER,
      '--',
      'env',
      `BERTH_INSTALL_OS_RELEASE=${join(FIXTURES, 'gentoo')}`,
      installer,
    ]);
    expect(asUserUnknown.code).toBe(2);
    expect(asUserUnknown.stderr).toContain(
      'Gentoo Linux (ID=gentoo) is not a distribution Berth installs an engine on',
    );
    const asUserKnown = await run('runuser', [
      '-u',
      USER,
      '--',
      'env',
      `BERTH_INSTALL_OS_RELEASE=${join(FIXTURES, 'arch')}`,
      installer,
    ]);
    expect(asUserKnown.code).toBe(2);
    expect(asUserKnown.stderr).toContain(
      'run me through pkexec or sudo: I install packages (on Arch Linux I would run: pacman -S --noconfirm docker)',
    );
  });

  it('as root ignores an os-release override: it installs for this system only (a no-op here, offline)', async (context) => {
    if (skipReason) context.skip();
    const before = await packages();
    const ran = await run('unshare', ['-n', installer], { BERTH_INSTALL_OS_RELEASE: join(FIXTURES, 'arch') });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('berth-engine-install: on Debian GNU/Linux');
    expect(ran.stdout).toContain('apt-get install -y docker.io');
    expect(ran.stdout).toContain('0 newly installed');
    expect(ran.stdout).not.toContain('pacman');
    expect(await packages()).toBe(before);
  });

  it('offers no button without a sudo rule, and refuses the request with the exact sudoers line', async (context) => {
    if (skipReason) context.skip();
    await rm(SUDOERS, { force: true });
    const result = await asUser();
    const line = sudoersLine(USER, installer);
    expect(result.offer).toEqual({ available: false, reason: expect.stringContaining(line) });
    expect(result.opened).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining(line) },
    });
    expect(result.output).toBe('');
  }, 300_000);

  it('installs through sudo -n with a rule: streams the output and ends in success, offline, changing nothing', async (context) => {
    if (skipReason) context.skip();
    await writeFile(SUDOERS, `${sudoersLine(USER, installer)}\n`, { mode: 0o440 });
    const checked = await run('visudo', ['-cf', SUDOERS]);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    const before = await packages();
    const result = await asUser();
    expect(result.offer).toEqual({ available: true, via: 'sudo' });
    expect(result.opened).toEqual({ ok: true, data: { id: '00000000-0000-4000-8000-0000000000e1' } });
    expect(result.end).toEqual({ id: '00000000-0000-4000-8000-0000000000e1', error: null, exitCode: 0 });
    const output = result.output as string;
    expect(output).toContain(`Running sudo ${installer}`);
    expect(output).toContain('docker.io is already the newest version');
    expect(output).toContain('systemd is not running here');
    expect(output).toContain('Installed. Berth looks for the engine again.');
    expect(await packages()).toBe(before);
  }, 300_000);

  it('cancels through sudo: the SIGINT reaches the root installer, which says so, and the stream ends cancelled', async (context) => {
    if (skipReason) context.skip();
    const standIn = join(base, 'stand-in-install');
    await writeFile(
      standIn,
      '#!/bin/sh\ntrap \'echo "berth-engine-install: apt-get was interrupted (exit 130): run the command again" >&2; exit 130\' INT\necho started as $(id -u)\nwhile :; do sleep 0.1; done\n',
      { mode: 0o755 },
    );
    await writeFile(SUDOERS, `${sudoersLine(USER, standIn)}\n`, { mode: 0o440 });
    const result = await asUser(standIn, ['cancel']);
    expect(result.output).toContain('started as 0');
    expect(result.cancel).toEqual({ ok: true, data: { cancelled: true, message: expect.stringContaining('Ctrl-C') } });
    expect(result.end).toMatchObject({
      exitCode: 130,
      error: {
        code: 'CANCELLED',
        message: 'The install was cancelled: apt-get was interrupted (exit 130): run the command again',
      },
    });
    expect((await run('pgrep', ['-f', standIn])).stdout).toBe('');
  }, 300_000);

  it('installs through pkexec in a desktop session when polkit says yes (a rule for the test user), offline, changing nothing', async (context) => {
    if (skipReason || !polkit || polkit.skip) context.skip();
    await rm(SUDOERS, { force: true });
    await polkit!.allow(true);
    const before = await packages();
    const result = await asUser(installer, [], ['DISPLAY=:0']);
    expect(result.offer).toEqual({ available: true, via: 'pkexec' });
    expect(result.end).toEqual({ id: '00000000-0000-4000-8000-0000000000e1', error: null, exitCode: 0 });
    const output = result.output as string;
    expect(output).toContain(`Running pkexec ${installer}`);
    expect(output).toContain('docker.io is already the newest version');
    expect(output).toContain('Installed. Berth looks for the engine again.');
    expect(await packages()).toBe(before);
    await polkit!.allow(false);
  }, 300_000);
});
