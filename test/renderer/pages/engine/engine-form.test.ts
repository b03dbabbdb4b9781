// The Add engine dialog's checks: engine names and ssh:// addresses, as the core's contract accepts them.
import { describe, expect, it } from 'vitest';
import {
  engineNameProblem,
  parseCpus,
  parseDiskGiB,
  parseMemoryMiB,
  parseSshUrl,
  socketPathProblem,
} from '../../../../renderer/src/pages/engine/engine-form';

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
    expect(parseSshUrl('ssh://me@build-box')).toEqual({
      ok: true,
      target: { user: 'me', host: 'build-box', port: 22 },
    });
    expect(parseSshUrl(' ssh://root@10.0.0.5:2222 ')).toEqual({
      ok: true,
      target: { user: 'root', host: '10.0.0.5', port: 2222 },
    });
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

describe('VM sizes', () => {
  it('takes CPUs up to the host count', () => {
    expect(parseCpus('2', 8)).toEqual({ ok: true, value: 2 });
    expect(parseCpus('9', 8)).toMatchObject({ ok: false, problem: expect.stringMatching(/1 to 8/) as unknown });
    expect(parseCpus('two', 8).ok).toBe(false);
  });

  it('takes memory in MiB or GiB within the core bounds', () => {
    expect(parseMemoryMiB('2 GiB')).toEqual({ ok: true, value: 2048 });
    expect(parseMemoryMiB('1.5G')).toEqual({ ok: true, value: 1536 });
    expect(parseMemoryMiB('3072')).toEqual({ ok: true, value: 3072 });
    expect(parseMemoryMiB('256 MiB').ok).toBe(false);
    expect(parseMemoryMiB('lots').ok).toBe(false);
  });

  it('takes the disk in whole GiB from 4', () => {
    expect(parseDiskGiB('32')).toEqual({ ok: true, value: 32 });
    expect(parseDiskGiB('64 GiB')).toEqual({ ok: true, value: 64 });
    expect(parseDiskGiB('2').ok).toBe(false);
    expect(parseDiskGiB('1.5').ok).toBe(false);
  });
});
