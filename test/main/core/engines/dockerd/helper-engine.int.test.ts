// Berth's own engine through the privileged helper (issue 17): the test makes a user of its own, installs the
// helper root-owned in a folder of its own and gives that user a sudo rule for it (NOPASSWD, that path only),
// then runs helper-engine-user.ts as the user, where Berth's core starts the engine through `sudo -n`, pings its
// socket, runs a container with a memory limit in it and stops it: no dockerd of it may be left. Then the
// refusals: the helper without SUDO_UID/PKEXEC_UID, run by the user directly, with arguments; and Berth without
// the sudo rule, whose error must give the exact sudoers line; and a dockerd killed behind Berth's back, which
// Berth must see stop, clean up after and start again. The rule, the user and the engine's folders go
// at the end. Neither the user's engine nor the harness's private engine is touched (only an image is saved).
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { chmod, chown, copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELPER_POLKIT_ACTION, helperLayout, sudoersLine } from '../../../../../main/core/engines/dockerd/helper-mode';
import { harness } from '../../../../harness/context';
import { mountsUnder } from '../../../../harness/host-cleanup';
import { SYSTEM_PATH } from '../../../../harness/run-command';
import { polkitForTest, type PolkitForTest } from './polkit-fixture';

const USER = 'berth-helper-test';
const REPO = resolve(__dirname, '../../../../..');
const SCRIPT = join(__dirname, 'helper-engine-user.ts');
const SUDOERS = `/etc/sudoers.d/${USER}`;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], timeout = 60_000, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', env: { PATH: SYSTEM_PATH, ...env }, cwd: REPO, timeout, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

let uid = -1;
let base = '';
let helper = '';
let skipReason: string | null = null;
let polkit: PolkitForTest | null = null;

async function prepare(): Promise<string | null> {
  if (process.getuid?.() !== 0) return 'the test must run as root to create its own user and sudo rule';
  if ((await run('sh', ['-c', 'command -v sudo'])).code !== 0) return 'sudo is not installed: apt install sudo';
  if ((await run('id', ['-u', USER])).code !== 0) {
    const made = await run('useradd', ['--create-home', '--shell', '/usr/sbin/nologin', USER]);
    if (made.code !== 0) return `useradd ${USER} failed: ${made.stderr.trim()}`;
  }
  uid = Number((await run('id', ['-u', USER])).stdout.trim());
  base = await mkdtemp('/tmp/berth-hp-');
  // The helper as an install would leave it: root's, in a folder only root can change (Berth checks both).
  await chmod(base, 0o755);
  helper = join(base, 'berth-engine-helper');
  await copyFile(join(REPO, 'assets', 'helper', 'berth-engine-helper'), helper);
  await chmod(helper, 0o755);
  const work = join(base, 'work');
  await run('mkdir', ['-p', work]);
  await chown(work, uid, uid);
  const tar = join(base, 'busybox.tar');
  const harnessDocker = new Dockerode({ socketPath: harness().socketPath });
  await pipeline(await harnessDocker.getImage(harness().busyboxImage).get(), createWriteStream(tar));
  await chmod(tar, 0o644);
  return null;
}

async function allowSudo(): Promise<void> {
  await writeFile(SUDOERS, `${sudoersLine(USER, helper)}\n`, { mode: 0o440 });
  const checked = await run('visudo', ['-cf', SUDOERS]);
  if (checked.code !== 0) throw new Error(`[test] visudo refused ${SUDOERS}: ${checked.stdout}${checked.stderr}`);
}

function userEnv(config: string, extra: string[]): string[] {
  return [
    ...extra,
    `HOME=/home/${USER}`,
    'PATH=/usr/local/bin:/usr/bin:/bin',
    `BERTH_DATA_DIR=${join(base, 'work', 'data')}`,
    `BERTH_CONFIG_DIR=${join(base, 'work', config)}`,
    `DOCKER_CONFIG=${join(base, 'work', 'docker')}`,
    `BERTH_ENGINE_HELPER=${helper}`,
    'BERTH_EMBEDDED_ENGINE=0',
  ];
}

const TSX = join(REPO, 'node_modules', '.bin', 'tsx');

function resultOf(ran: Ran): Record<string, unknown> {
  const line = ran.stdout.split('\n').find((entry) => entry.startsWith('RESULT '));
  expect(line, `the user's script failed (${ran.code}):\n${ran.stdout}\n${ran.stderr}`).toBeDefined();
  return JSON.parse(line!.slice('RESULT '.length)) as Record<string, unknown>;
}

/**
 * Runs helper-engine-user.ts as the test user, in a login-less environment: without a display Berth goes through
 * `sudo -n`; with `DISPLAY` in `extra` (a desktop session as Berth sees one) through pkexec.
 */
async function asUser(
  args: string[],
  config: string,
  extra: string[] = [],
): Promise<{ ran: Ran; result: Record<string, unknown> }> {
  const ran = await run(
    'runuser',
    ['-u', USER, '--', 'env', '-i', ...userEnv(config, extra), TSX, SCRIPT, ...args],
    240_000,
  );
  return { ran, result: resultOf(ran) };
}

/** Like asUser, killing (as root) the pid the script prints on a `PID <n>` line. */
function asUserKilling(args: string[], config: string): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn('runuser', ['-u', USER, '--', 'env', '-i', ...userEnv(config, []), TSX, SCRIPT, ...args], {
      env: { PATH: SYSTEM_PATH },
      cwd: REPO,
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const pid = /^PID (\d+)$/m.exec(stdout)?.[1];
      if (pid && !killed) {
        killed = true;
        process.kill(Number(pid), 'SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** Processes whose command line names this user's helper engine (its dockerd, containerd, shims). */
async function engineProcesses(): Promise<string[]> {
  const listed = await run('ps', ['-eo', 'pid=,stat=,args=']);
  return listed.stdout.split('\n').filter((line) => line.includes(`berth-engine/${uid}/`) && !/^\s*\d+\s+Z/.test(line));
}

beforeAll(async () => {
  skipReason = await prepare();
  if (skipReason) console.log(`[helper-test] skipped: ${skipReason}`);
  else {
    polkit = await polkitForTest(USER, HELPER_POLKIT_ACTION, helper);
    if (polkit.skip) console.log(`[helper-test] the pkexec test is skipped: ${polkit.skip}`);
  }
}, 120_000);

afterAll(async () => {
  await rm(SUDOERS, { force: true });
  await polkit?.cleanup();
  if (uid < 0) return;
  // Whatever a failed run left of this user's engine, through the helper itself, so the next run starts clean.
  if (helper && existsSync(helper)) await run(helper, ['stop'], 120_000, { SUDO_UID: String(uid) });
  const left = (await run('pgrep', ['-u', String(uid)])).stdout.split('\n').filter(Boolean);
  for (const pid of left) process.kill(Number(pid), 'SIGKILL');
  for (const dir of [`/run/berth-engine/${uid}`, `/var/lib/berth-engine/${uid}`, base].filter(Boolean)) {
    const mounts = await mountsUnder(dir);
    if (mounts.length > 0) throw new Error(`[test] mounts left under ${dir}, not deleting it: ${mounts.join(', ')}`);
    await rm(dir, { recursive: true, force: true });
  }
  await rm(`/run/berth-engine/${uid}.lock`, { force: true });
  // The helper's base folders go too when no other user's engine is in them.
  await run('rmdir', ['--ignore-fail-on-non-empty', '/run/berth-engine', '/var/lib/berth-engine']);
  const removed = await run('userdel', ['--remove', USER]);
  if (removed.code !== 0) console.log(`[helper-test] userdel ${USER}: ${removed.stderr.trim()}`);
}, 180_000);

describe("Berth's own engine through the privileged helper", () => {
  it('refuses to run without a caller: not root, no SUDO_UID or PKEXEC_UID, uid 0, extra arguments', async (context) => {
    if (skipReason) context.skip();
    const direct = await run(helper, ['start']);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain('neither PKEXEC_UID nor SUDO_UID is set');
    const byRoot = await run(helper, ['start'], 60_000, { SUDO_UID: '0' });
    expect(byRoot.code).toBe(2);
    expect(byRoot.stderr).toContain("the caller's uid '0' is not a user id above 0");
    const asUserDirectly = await run('runuser', ['-u', USER, '--', helper, 'status']);
    expect(asUserDirectly.code).toBe(2);
    expect(asUserDirectly.stderr).toContain('run me through pkexec or sudo');
    const extra = await run(helper, ['start', '--data-root=/tmp'], 60_000, { SUDO_UID: String(uid) });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('no other arguments');
    expect(await engineProcesses()).toEqual([]);
  });

  it('says the exact sudoers line when sudo wants a password Berth cannot type', async (context) => {
    if (skipReason) context.skip();
    await rm(SUDOERS, { force: true });
    const { result } = await asUser(['refused', 'helper'], 'config-refused');
    expect(result.error).toContain('sudo did not let berth-helper-test run');
    expect(result.error).toContain(`berth-helper-test ALL=(root) NOPASSWD: ${helper}`);
    expect(await engineProcesses()).toEqual([]);
  }, 300_000);

  it('starts a root dockerd the user can use, runs a limited container, stops it and leaves nothing', async (context) => {
    if (skipReason) context.skip();
    await allowSudo();
    // On cgroup v1 (this VM) Berth's own choice must be the helper; elsewhere the test asks for it.
    const cgroupV1 = !existsSync('/sys/fs/cgroup/cgroup.controllers');
    const runAs = cgroupV1 ? 'auto' : 'helper';
    const { ran, result } = await asUser(['run', runAs, join(base, 'busybox.tar'), harness().busyboxImage], 'config');
    const layout = helperLayout(uid);
    console.log(`[helper-test] setting ${runAs}; Engine page: ${JSON.stringify(result.added)}`);
    expect(result.added).toMatchObject({
      providerState: 'running',
      connection: 'connected',
      ownedMode: { mode: 'helper', runAs, limits: true },
    });
    expect(result.host).toBe(layout.host);
    expect(result.ping).toBe('OK');
    expect(result.securityOptions).not.toContain('name=rootless');
    expect(result.exitCode).toBe(0);
    // Limits hold on a root engine: the container's memory cgroup says 64 MiB.
    expect(result.output).toBe(`hello from the helper\n${64 * 1024 * 1024}`);
    expect(result.stoppedState).toBe('stopped');
    expect((result.logs as string[]).some((line) => line.startsWith('[dockerd] '))).toBe(true);
    expect(ran.code).toBe(0);
    expect(await engineProcesses(), 'processes of the helper engine left after stop').toEqual([]);
    expect(existsSync(layout.socketPath)).toBe(false);
    const status = await run(helper, ['status'], 60_000, { SUDO_UID: String(uid) });
    expect(status).toMatchObject({ code: 3, stdout: 'stopped\n' });
    const bridge = `berthh${uid.toString(16)}`;
    expect((await run('ip', ['link', 'show', bridge])).code).not.toBe(0);
    expect((await run('iptables', ['-t', 'nat', '-S', 'POSTROUTING'])).stdout).not.toContain(bridge);
  }, 300_000);
  it('sees a dockerd that dies on its own as stopped, cleans up through the helper and starts again', async (context) => {
    if (skipReason) context.skip();
    await allowSudo();
    const ran = await asUserKilling(['dies', 'helper'], 'config-dies');
    const result = resultOf(ran);
    expect(result.state).toBe('stopped');
    expect((result.logs as string[]).some((line) => line.includes('dockerd exited on its own'))).toBe(true);
    expect(result.restarted).toBe('running');
    expect(result.stopped).toBe('stopped');
    expect(ran.code).toBe(0);
    expect(await engineProcesses(), 'processes of the helper engine left after the crash and stop').toEqual([]);
    expect(existsSync(helperLayout(uid).socketPath)).toBe(false);
  }, 300_000);

  it('goes through pkexec in a desktop session: polkit says yes (a rule for the test user), the engine starts, runs and stops; polkit saying no is told', async (context) => {
    if (skipReason || !polkit || polkit.skip) context.skip();
    // No sudo rule: whatever works here works through polkit alone.
    await rm(SUDOERS, { force: true });
    await polkit!.allow(true);
    const { ran, result } = await asUser(
      ['run', 'helper', join(base, 'busybox.tar'), harness().busyboxImage],
      'config-pkexec',
      ['DISPLAY=:0'],
    );
    expect(result.added).toMatchObject({
      providerState: 'running',
      connection: 'connected',
      ownedMode: { mode: 'helper', runAs: 'helper', limits: true },
    });
    expect((result.logs as string[]).some((line) => line.includes('(pkexec '))).toBe(true);
    expect(result.exitCode).toBe(0);
    expect(result.output).toBe(`hello from the helper\n${64 * 1024 * 1024}`);
    expect(result.stoppedState).toBe('stopped');
    expect(ran.code).toBe(0);
    expect(await engineProcesses(), 'processes of the helper engine left after a stop through pkexec').toEqual([]);
    expect(existsSync(helperLayout(uid).socketPath)).toBe(false);

    // Without the rule polkit wants a password and there is no agent to ask it: Berth says what to check.
    await polkit!.allow(false);
    const denied = await asUser(['refused', 'helper'], 'config-pkexec-denied', ['DISPLAY=:0']);
    expect(denied.result.error).toContain('polkit did not authorize');
    expect(denied.result.error).toContain('dev.berth.engine-helper');
    expect(await engineProcesses()).toEqual([]);
  }, 300_000);
});
