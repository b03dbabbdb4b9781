// Berth's built Electron entry run under plain Node with a stand-in `electron` module (fake-electron/): as
// root it refuses before touching Electron at all; as another user it goes on to lock the app down. Runs
// where no Electron runtime exists, which is why the entry is checked this way and not only by the _electron suite.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../../dist/main/electron-main.js', import.meta.url));
const register = fileURLToPath(new URL('./fake-electron/register.mjs', import.meta.url));
const isRoot = process.getuid?.() === 0;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function runEntry(env: NodeJS.ProcessEnv, asUser?: string): Promise<Outcome> {
  const node = [process.execPath, '--import', register, entry];
  const [command, ...args] = asUser
    ? ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', ...node]
    : node;
  return new Promise((resolve) => {
    execFile(command!, args, { env: { PATH: process.env.PATH, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(!isRoot)('the Electron entry under Node (needs root to check the refusal)', () => {
  it('is built', () => {
    expect(existsSync(entry)).toBe(true);
  });

  it('refuses root with the reason and the way to run it, before any Electron call', async () => {
    const outcome = await runEntry({ SUDO_USER: 'alice' });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('Berth does not run as root');
    expect(outcome.stderr).toContain('Run it as alice, without sudo');
    expect(outcome.stdout).not.toContain('fake-electron:');
  });

  it('starts as another user: sandbox on, then the single-instance lock', async () => {
    const outcome = await runEntry({ HOME: '/tmp' }, '65534');
    expect(outcome.stderr).not.toContain('does not run as root');
    expect(outcome.stdout.split('\n')).toEqual(
      expect.arrayContaining(['fake-electron: app.enableSandbox', 'fake-electron: app.requestSingleInstanceLock']),
    );
    expect(outcome.code).toBe(0);
  });
});
