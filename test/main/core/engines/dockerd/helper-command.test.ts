// How Berth calls the helper, and what it tells the user when the call fails.
import { describe, expect, it } from 'vitest';
import { helperArgv, helperFailure } from '../../../../../main/core/engines/dockerd/helper-command';
import type { HelperLauncher } from '../../../../../main/core/engines/dockerd/helper-mode';

const helper = '/usr/local/libexec/berth/berth-engine-helper';
const sudo: HelperLauncher = { via: 'sudo', command: '/usr/bin/sudo', helper };
const pkexec: HelperLauncher = { via: 'pkexec', command: '/usr/bin/pkexec', helper };

describe('helperArgv', () => {
  it('never lets sudo prompt, and passes the action only', () => {
    expect(helperArgv(sudo, 'start')).toEqual(['-n', helper, 'start']);
    expect(helperArgv(pkexec, 'stop')).toEqual([helper, 'stop']);
  });
});

describe('helperFailure', () => {
  it('gives the exact sudoers line when sudo wants a password', () => {
    const text = helperFailure(sudo, 'ann', { code: 1, stderr: 'sudo: a password is required\n', message: '' });
    expect(text).toContain(`ann ALL=(root) NOPASSWD: ${helper}`);
    expect(text).toContain('sudo visudo -f /etc/sudoers.d/berth-engine');
    expect(text).toContain('pkexec');
  });

  it('says how to lift requiretty for the helper', () => {
    const text = helperFailure(sudo, 'ann', {
      code: 1,
      stderr: 'sudo: sorry, you must have a tty to run sudo',
      message: '',
    });
    expect(text).toContain(`Defaults!${helper} !requiretty`);
  });

  it("passes the helper's own refusal on as it is", () => {
    const stderr =
      "berth-engine-helper: the engine's socket would belong to ann's primary group users, which others share";
    expect(helperFailure(sudo, 'ann', { code: 2, stderr, message: '' })).toBe(stderr);
  });

  it('tells a dismissed polkit dialog from a refusal', () => {
    expect(helperFailure(pkexec, 'ann', { code: 126, stderr: '', message: '' })).toContain('dismissed');
    const refused = helperFailure(pkexec, 'ann', { code: 127, stderr: 'Not authorized', message: '' });
    expect(refused).toContain('Not authorized');
    expect(refused).toContain('dev.berth.engine-helper.policy');
  });

  it('falls back to what the launcher said', () => {
    expect(helperFailure(sudo, 'ann', { code: null, stderr: '', message: 'spawn sudo ENOENT' })).toBe(
      `sudo ${helper} failed: spawn sudo ENOENT`,
    );
  });
});
