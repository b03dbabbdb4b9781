// Calls Berth's privileged helper (start, stop or status) through pkexec or `sudo -n`, and turns what goes wrong
// into what the user can do: sudo wanting a password Berth cannot type (the exact sudoers line), a dismissed or
// refused polkit dialog, or the helper's own refusal (its stderr).
import { execFile } from 'node:child_process';
import { BerthError } from '../../../shared/errors';
import { systemPath } from './host-command';
import { HELPER_POLKIT_ACTION, sudoersLine, type HelperLauncher } from './helper-mode';

export type HelperAction = 'start' | 'stop' | 'status';

/** A start waits for containerd and dockerd (90 s at most in the helper) and, with pkexec, for the password. */
const HELPER_TIMEOUT_MS = 300_000;

export function helperArgv(launcher: HelperLauncher, action: HelperAction): string[] {
  // -n: never prompt. Berth has no terminal to type a password into; a rule without one is the sudo way.
  return launcher.via === 'sudo' ? ['-n', launcher.helper, action] : [launcher.helper, action];
}

/** What went wrong, in words the user can act on; pure, so each case is tested. */
export function helperFailure(
  launcher: HelperLauncher,
  user: string,
  failed: { code: number | null; stderr: string; message: string },
): string {
  const stderr = failed.stderr.trim();
  const own = stderr
    .split('\n')
    .filter((line) => line.startsWith('berth-engine-helper:'))
    .join('\n');
  if (own) return stderr;
  if (launcher.via === 'sudo' && /password is required|not allowed|may not run|not in the sudoers/i.test(stderr))
    return `sudo did not let ${user} run Berth's helper without a password, and Berth cannot type one (${stderr}). Allow it with this line in /etc/sudoers.d/berth-engine (sudo visudo -f /etc/sudoers.d/berth-engine): ${sudoersLine(user, launcher.helper)} — or start Berth in a desktop session, where pkexec asks for the password.`;
  if (launcher.via === 'sudo' && /must have a tty|requiretty/i.test(stderr))
    return `sudo here insists on a terminal (requiretty), which Berth has none of (${stderr}). Add this line to /etc/sudoers.d/berth-engine (sudo visudo -f /etc/sudoers.d/berth-engine): Defaults!${launcher.helper} !requiretty — or start Berth in a desktop session, where pkexec asks for the password.`;
  if (launcher.via === 'pkexec' && failed.code === 126)
    return `The password dialog was dismissed or refused, so Berth's helper did not run (polkit action ${HELPER_POLKIT_ACTION}).`;
  if (launcher.via === 'pkexec' && failed.code === 127)
    return `polkit did not authorize Berth's helper (${stderr || 'no reason given'}): is a polkit agent running in this session, and is ${HELPER_POLKIT_ACTION}.policy installed in /usr/share/polkit-1/actions?`;
  return `${launcher.via} ${launcher.helper} failed: ${stderr || failed.message}`;
}

export function runHelper(
  launcher: HelperLauncher,
  action: HelperAction,
  user: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      launcher.command,
      helperArgv(launcher, action),
      { encoding: 'utf8', env: { ...env, PATH: systemPath(env) }, timeout: HELPER_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout.trim());
          return;
        }
        // `status` exits 3 for a stopped engine, which is an answer, not a failure.
        const code = typeof error.code === 'number' ? error.code : null;
        if (action === 'status' && code === 3) {
          resolve(stdout.trim());
          return;
        }
        reject(new BerthError('ENGINE_ERROR', helperFailure(launcher, user, { code, stderr, message: error.message })));
      },
    );
  });
}
