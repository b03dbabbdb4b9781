import { describe, expect, it } from 'vitest';
import { newNoticeMemory, noticeFor } from '../../../main/electron/notice-rules';
import type { Transfer } from '../../../main/shared/transfer-types';

const transfer = (state: Transfer['state'], purpose: Transfer['purpose'] = 'user') =>
  ({ id: 't1', kind: 'pull', reference: 'busybox:latest', state, purpose }) as Transfer;

describe('desktop notices', () => {
  it('tells a failed or OOM-killed container, opening its page', () => {
    const memory = newNoticeMemory();
    const exit = { id: 'c1', name: 'web', exitCode: 3, oomKilled: false, t: 0 };
    expect(noticeFor('containers:exited', exit, memory)).toMatchObject({
      kind: 'containers',
      title: 'web exited with code 3',
      path: '/containers/c1',
    });
    expect(noticeFor('containers:exited', { ...exit, exitCode: 137, oomKilled: true }, memory)?.title).toBe(
      'web was killed: out of memory',
    );
  });

  it('tells a memory or throttling alert (opening the Stats tab), not an OOM alert told already', () => {
    const memory = newNoticeMemory();
    const alert = { id: 'c1', name: 'web', condition: 'memory', message: 'web has used over 90 %…', t: 0 };
    expect(noticeFor('stats:alert', alert, memory)).toMatchObject({ kind: 'alerts', path: '/containers/c1?tab=stats' });
    expect(noticeFor('stats:alert', { ...alert, condition: 'oom' }, memory)).toBeNull();
  });

  it('tells the engine stopping only after it was up, with the reason', () => {
    const memory = newNoticeMemory();
    const down = { state: 'unreachable', endpoint: null, reason: 'connect ENOENT', since: 0, retryAt: null };
    expect(noticeFor('engine:status', down, memory)).toBeNull();
    expect(noticeFor('engine:status', { state: 'connected' }, memory)).toBeNull();
    expect(noticeFor('engine:status', down, memory)).toMatchObject({ kind: 'engine', body: 'connect ENOENT' });
  });

  it('tells the end of a pull the user started, not of one a run started, nor of one never seen running', () => {
    const memory = newNoticeMemory();
    expect(noticeFor('transfers:progress', transfer('done'), memory)).toBeNull();
    noticeFor('transfers:progress', transfer('running'), memory);
    expect(noticeFor('transfers:progress', transfer('done'), memory)).toMatchObject({
      kind: 'transfers',
      title: 'Pull finished',
    });
    noticeFor('transfers:progress', transfer('running', 'run'), memory);
    expect(noticeFor('transfers:progress', transfer('failed', 'run'), memory)).toBeNull();
  });

  it('tells a build that finished or failed, not one the user cancelled', () => {
    const memory = newNoticeMemory();
    const build = { tag: 'app:dev', folder: '/src/app', imageId: 'sha256:1', error: null, t: 0 } as const;
    expect(noticeFor('images:built', { ...build, outcome: 'built' }, memory)).toMatchObject({
      kind: 'builds',
      title: 'Build finished',
      body: 'Built app:dev.',
      path: '/images',
    });
    expect(
      noticeFor('images:built', { ...build, tag: null, outcome: 'failed', error: 'step 2 failed' }, memory),
    ).toMatchObject({ title: 'Build failed', body: 'the image from /src/app: step 2 failed' });
    expect(noticeFor('images:built', { ...build, outcome: 'cancelled' }, memory)).toBeNull();
  });

  it('tells an engine whose start fell back to stopped, once, and not one that started or was stopped', () => {
    const memory = newNoticeMemory();
    const engine = (id: string, providerState: string) => ({
      id,
      name: `engine ${id}`,
      providerState,
      controlReason: null,
    });
    expect(noticeFor('engines:changed', [engine('a', 'starting'), engine('b', 'starting')], memory)).toBeNull();
    expect(noticeFor('engines:changed', [engine('a', 'running'), engine('b', 'stopped')], memory)).toMatchObject({
      kind: 'engine',
      title: 'engine b could not start',
      path: '/engine',
    });
    expect(noticeFor('engines:changed', [engine('a', 'stopping'), engine('b', 'stopped')], memory)).toBeNull();
    expect(noticeFor('engines:changed', [engine('a', 'stopped'), engine('b', 'stopped')], memory)).toBeNull();
  });
});
