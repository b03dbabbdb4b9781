// The Add engine dialog's checks: engine names and ssh:// addresses, as the core's contract accepts them.
import { describe, expect, it } from 'vitest';
import { engineNameProblem, parseSshUrl, socketPathProblem } from '../../../../renderer/src/pages/engine/engine-form';

describe('engineNameProblem', () => {
  it('accepts lowercase letters, digits and dashes up to 31 characters', () => {
    for (const name of ['berth', 'build-box', '2nd', 'a'.repeat(31)]) expect(engineNameProblem(name)).toBeNull();
  });

  it('says what is wrong with the others', () => {
    expect(engineNameProblem('')).toMatch(/Type a name/);
    expect(engineNameProblem('Build')).toMatch(/lowercase/);
    expect(engineNameProblem('build box')).toMatch(/only lowercase letters, digits and dashes/);
    expect(engineNameProblem('build_box')).toMatch(/only lowercase/);
    expect(engineNameProblem('-box')).toMatch(/Start with a letter or a digit/);
    expect(engineNameProblem('a'.repeat(32))).toMatch(/31 characters/);
  });

  it('refuses a name another engine has', () => {
    expect(engineNameProblem('berth', ['discovered', 'berth'])).toBe('There is already an engine named berth');
  });
});

describe('parseSshUrl', () => {
  it('reads user, host and port', () => {
    expect(parseSshUrl('ssh://me@build-box')).toEqual({ ok: true, target: { user: 'me', host: 'build-box', port: 22 } });
    expect(parseSshUrl(' ssh://root@10.0.0.5:2222 ')).toEqual({ ok: true, target: { user: 'root', host: '10.0.0.5', port: 2222 } });
    expect(parseSshUrl('ssh://[::1]:22')).toEqual({ ok: true, target: { user: null, host: '[::1]', port: 22 } });
  });

  it('explains addresses it cannot use', () => {
    const problem = (text: string) => {
      const result = parseSshUrl(text);
      return result.ok ? null : result.problem;
    };
    expect(problem('')).toMatch(/Type the address/);
    expect(problem('me@box')).toMatch(/Start with ssh:\/\//);
    expect(problem('tcp://box:2376')).toMatch(/Start with ssh:\/\//);
    expect(problem('ssh://me@box/path')).toMatch(/No spaces or paths/);
    expect(problem('ssh://@box')).toMatch(/user name before @/);
    expect(problem('ssh://me@')).toMatch(/host name/);
    expect(problem('ssh://me@box:70000')).toMatch(/between 1 and 65535/);
    expect(problem('ssh://me@box:0')).toMatch(/between 1 and 65535/);
  });
});

describe('socketPathProblem', () => {
  it('takes an absolute path or nothing', () => {
    expect(socketPathProblem('')).toBeNull();
    expect(socketPathProblem('/run/user/1000/docker.sock')).toBeNull();
    expect(socketPathProblem('docker.sock')).toMatch(/absolute path/);
  });
});
