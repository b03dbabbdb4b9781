// Makes pkexec usable for one test user on a machine without a desktop session, for the pkexec tests of Berth's
// root programs (the engine helper, the engine installer): the system D-Bus (started only when none answers,
// and stopped after), Berth's own polkit action file with the exec path of the test's copy of the program, and
// a rule that says yes to that user for that action only (what an administrator's password would say in a
// desktop's dialog). Refuses, with the reason, where a real install of that action is present: the test never
// replaces it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { SYSTEM_PATH, waitUntil } from '../../../../harness/run-command';

const SYSTEM_BUS = '/run/dbus/system_bus_socket';
const ACTIONS_DIR = '/usr/share/polkit-1/actions';
const RULES_DIR = '/etc/polkit-1/rules.d';

function sh(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', env: { PATH: SYSTEM_PATH }, timeout: 30_000 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

function busAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(SYSTEM_BUS);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface PolkitForTest {
  /** Why pkexec cannot be tested here; null when it can. */
  skip: string | null;
  /** Lets `user` run the helper through pkexec without a password (the rule); `false` takes the rule away. */
  allow(allowed: boolean): Promise<void>;
  cleanup(): Promise<void>;
}

/** `action`: the polkit action (assets/polkit/<action>.policy); `program`: the test's root-owned copy it runs. */
export async function polkitForTest(user: string, action: string, program: string): Promise<PolkitForTest> {
  const POLICY = join(ACTIONS_DIR, `${action}.policy`);
  const REPO_POLICY = join(__dirname, '../../../../../assets/polkit', `${action}.policy`);
  const rule = join(RULES_DIR, `49-berth-test-${user}.rules`);
  let startedBus = false;
  let installedPolicy = false;
  const cleanup = async () => {
    await rm(rule, { force: true });
    if (installedPolicy) await rm(POLICY, { force: true });
    if (!startedBus) return;
    // The bus started polkitd on demand: both go, as neither ran before the test.
    await sh('pkill', ['-x', 'polkitd']);
    const pid = Number((await readFile('/run/dbus/pid', 'utf8').catch(() => '')).trim());
    if (pid > 0) process.kill(pid, 'SIGTERM');
    await rm('/run/dbus/pid', { force: true });
  };
  const refuse = (skip: string): PolkitForTest => ({ skip, allow: async () => undefined, cleanup });
  if ((await sh('sh', ['-c', 'command -v pkexec'])).code !== 0)
    return refuse('pkexec is not installed: apt install pkexec');
  if (!existsSync('/usr/lib/polkit-1/polkitd')) return refuse('polkitd is not installed: apt install polkitd');
  if (existsSync(POLICY))
    return refuse(`${POLICY} is installed (a real install of Berth): the test will not replace it`);
  if (!(await busAnswers())) {
    if ((await sh('sh', ['-c', 'command -v dbus-daemon'])).code !== 0)
      return refuse('no system D-Bus runs and dbus-daemon is not installed: apt install dbus');
    // A pidfile left by a bus that no longer answers would make dbus-daemon refuse to start.
    await rm('/run/dbus/pid', { force: true });
    await mkdir('/run/dbus', { recursive: true });
    const started = await sh('dbus-daemon', ['--system', '--fork']);
    if (started.code !== 0) return refuse(`no system D-Bus runs and dbus-daemon --system failed: ${started.stderr}`);
    startedBus = true;
    if (!(await waitUntil(busAnswers, 10_000, 100))) return refuse('the system D-Bus started but does not answer');
  }
  const policy = (await readFile(REPO_POLICY, 'utf8')).replace(
    /(<annotate key="org\.freedesktop\.policykit\.exec\.path">)[^<]+(<\/annotate>)/,
    `$1${program}$2`,
  );
  if (!policy.includes(program))
    throw new Error(`[test] ${REPO_POLICY} has no exec.path annotation to point at the program`);
  await writeFile(POLICY, policy, { mode: 0o644 });
  installedPolicy = true;
  return {
    skip: null,
    async allow(allowed: boolean) {
      if (!allowed) return rm(rule, { force: true });
      await writeFile(
        rule,
        `polkit.addRule(function (asked, subject) {\n  if (asked.id == "${action}" && subject.user == "${user}") return polkit.Result.YES;\n});\n`,
        { mode: 0o644 },
      );
    },
    cleanup,
  };
}
