import { describe, expect, it } from 'vitest';
import type { ExitInfo } from '../../../../main/shared/container-action-types';
import { exitHeadline, exitReasons } from '../../../../renderer/src/pages/container-detail/exit-model';

function info(overrides: Partial<ExitInfo>): ExitInfo {
  return {
    id: 'c1',
    name: 'web',
    state: 'exited',
    exitCode: 0,
    startedAt: null,
    finishedAt: null,
    oomKilled: false,
    signal: null,
    engineError: null,
    restartCount: 0,
    lastLines: [],
    ...overrides,
  };
}

describe('exit model', () => {
  it('heads an OOM kill with what happened, the code after it', () => {
    const oom = info({ exitCode: 137, oomKilled: true, signal: 'SIGKILL' });
    expect(exitHeadline(oom)).toBe('Killed: out of memory (exit code 137)');
    expect(exitReasons(oom)).toEqual([
      'The kernel ended it for using more memory than its limit allows: raise the limit or use less.',
    ]);
  });

  it('heads a plain failure with its code and points at the output', () => {
    const failed = info({ exitCode: 3 });
    expect(exitHeadline(failed)).toBe('Exited with code 3');
    expect(exitReasons(failed)[0]).toMatch(/the last output usually says why/);
  });
});
