// Berth's own engine as a normal user (issue 17): the test makes a user of its own (with a subordinate id
// range), runs rootless-engine-user.ts as that user, where Berth's core starts the engine rootless, loads the
// harness's busybox image (saved here: that user cannot pull), runs a container and stops the engine; then
// no process of that user may be left. Where this machine cannot run rootless at all, it skips saying why.
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSubordinateRange } from '../../../../../main/core/engines/dockerd/rootless-mode';
import { harness } from '../../../../harness/context';
import { mountsUnder } from '../../../../harness/host-cleanup';
import { SYSTEM_PATH } from '../../../../harness/run-command';

const USER = 'berth-rootless-test';
const REPO = resolve(__dirname, '../../../../..');
const SCRIPT = join(__dirname, 'rootless-engine-user.ts');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], timeout = 60_000): Promise<Ran> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', env: { ...process.env, PATH: SYSTEM_PATH }, cwd: REPO, timeout, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

async function readText(path: string): Promise<string> {
  return (await run('cat', [path])).stdout;
}

/**
 * The user's processes that still run. A zombie has ended and holds nothing; reaping what was re-parented to
 * it (a shim, tsx's esbuild) is pid 1's job, which this VM's init does in its own time.
 */
async function livingProcessesOfUser(): Promise<string[]> {
  const listed = await run('ps', ['-o', 'pid=,stat=,args=', '-u', String(uid)]);
  return listed.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^\d+\s+Z/.test(line));
}

let uid = -1;
let base = '';
let skipReason: string | null = null;

/** Makes the user and what rootless needs of the machine; returns why rootless cannot run here, or null. */
async function prepareUser(): Promise<string | null> {
  if (process.getuid?.() !== 0) return 'the test must run as root to create its own user';
  if ((await run('id', ['-u', USER])).code !== 0) {
    const made = await run('useradd', ['--create-home', '--shell', '/usr/sbin/nologin', USER]);
    if (made.code !== 0) return `useradd ${USER} failed: ${made.stderr.trim()}`;
  }
  uid = Number((await run('id', ['-u', USER])).stdout.trim());
  // Debian's useradd gives a new user a range itself (SUB_UID_MIN in login.defs); an older user may lack one.
  if (
    !hasSubordinateRange(await readText('/etc/subuid'), USER, uid) ||
    !hasSubordinateRange(await readText('/etc/subgid'), USER, uid)
  ) {
    const added = await run('usermod', ['--add-subuids', '300000-365535', '--add-subgids', '300000-365535', USER]);
    if (added.code !== 0) return `usermod --add-subuids failed: ${added.stderr.trim()}`;
  }
  // Debian's udev makes /dev/net/tun 0666; this kind of VM image leaves it 0600, which stops slirp4netns.
  if (((await stat('/dev/net/tun')).mode & 0o006) !== 0o006) await chmod('/dev/net/tun', 0o666);
  // What a login session (pam_systemd) would have made: the user's own runtime folder.
  const runtime = `/run/user/${uid}`;
  await mkdir(runtime, { recursive: true, mode: 0o700 });
  await chown(runtime, uid, uid);
  await chmod(runtime, 0o700);
  const userns = await run('runuser', ['-u', USER, '--', 'unshare', '--user', 'true']);
  if (userns.code !== 0) return `${USER} cannot create a user namespace (unshare -U true): ${userns.stderr.trim()}`;
  return null;
}

beforeAll(async () => {
  skipReason = await prepareUser();
  if (skipReason) {
    console.log(`[rootless-test] skipped: ${skipReason}`);
    return;
  }
  base = await mkdtemp('/tmp/berth-rl-');
  await chown(base, uid, uid);
  const tar = join(base, 'busybox.tar');
  const harnessDocker = new Dockerode({ socketPath: harness().socketPath });
  await pipeline(await harnessDocker.getImage(harness().busyboxImage).get(), createWriteStream(tar));
  await chmod(tar, 0o644);
}, 120_000);

afterAll(async () => {
  if (uid < 0) return;
  // Whatever a failed run left of this test's own user, by pid, so the next run starts clean.
  const left = (await run('pgrep', ['-u', String(uid)])).stdout.split('\n').filter(Boolean);
  for (const pid of left) process.kill(Number(pid), 'SIGKILL');
  if (base) {
    const mounts = await mountsUnder(base);
    if (mounts.length > 0) throw new Error(`[test] mounts left under ${base}, not deleting it: ${mounts.join(', ')}`);
    await rm(base, { recursive: true, force: true });
  }
});

describe("Berth's own engine for a normal user", () => {
  it('starts rootless, runs a container, stops cleanly and leaves no process of the user', async (context) => {
    if (skipReason) context.skip();
    const env = [
      `HOME=/home/${USER}`,
      `XDG_RUNTIME_DIR=/run/user/${uid}`,
      'PATH=/usr/local/bin:/usr/bin:/bin',
      `BERTH_DATA_DIR=${join(base, 'data')}`,
      `BERTH_CONFIG_DIR=${join(base, 'config')}`,
      `DOCKER_CONFIG=${join(base, 'docker')}`,
      'BERTH_EMBEDDED_ENGINE=0',
    ];
    const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
    const args = [SCRIPT, 'rl', join(base, 'busybox.tar'), harness().busyboxImage];
    const ran = await run('runuser', ['-u', USER, '--', 'env', '-i', ...env, tsx, ...args], 240_000);
    const line = ran.stdout.split('\n').find((entry) => entry.startsWith('RESULT '));
    expect(line, `the user's script failed (${ran.code}):\n${ran.stdout}\n${ran.stderr}`).toBeDefined();
    const result = JSON.parse(line!.slice('RESULT '.length));
    console.log(
      `[rootless-test] cgroup v${result.cgroupVersion}, driver ${result.cgroupDriver}; Engine page: ${result.added.ownedMode?.note}`,
    );
    expect(result.added).toMatchObject({ providerState: 'running', connection: 'connected' });
    expect(result.added.ownedMode.mode).toBe('rootless');
    // Whether limits work follows the machine's cgroups: never on v1 (this VM), on v2 only with delegation.
    if (result.cgroupVersion === '1') expect(result.added.ownedMode.limits).toBe(false);
    expect(result.securityOptions).toContain('name=rootless');
    expect(result.exitCode).toBe(0);
    expect(result.output).toBe('hello from rootless');
    expect(result.stoppedState).toBe('stopped');
    expect(ran.code).toBe(0);
    expect(await livingProcessesOfUser(), 'processes of the user left after stop').toEqual([]);
    // Its socket, pidfiles and exec-root (its containerd's state) go with it; the data stays for the next start.
    expect(await readdir(`/run/user/${uid}/berth/rl`)).toEqual([]);
  }, 300_000);
});
