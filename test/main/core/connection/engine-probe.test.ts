// The probe's deadlines: a ping or info call ends when the caller gives up or the deadline passes, and a
// long-lived caller signal (an engine session's, used by every health ping) keeps nothing per call afterwards.
import { getEventListeners } from 'node:events';
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { fetchEngineInfo, pingEngine } from '../../../../main/core/connection/engine-probe';
import { dependantSignals } from './dependant-signals';

/** A client whose calls answer at once, or (hang) only fail when their signal aborts. */
function fakeDocker(hang = false): Dockerode {
  const call = ({ abortSignal }: { abortSignal: AbortSignal }) =>
    hang
      ? new Promise((_, reject) => abortSignal.addEventListener('abort', () => reject(abortSignal.reason as Error)))
      : Promise.resolve({});
  return { ping: call, info: call, version: call } as unknown as Dockerode;
}

describe('engine probe deadlines', () => {
  it('leave nothing on a long-lived caller signal after each call', async () => {
    const session = new AbortController();
    for (let i = 0; i < 200; i += 1) await pingEngine(fakeDocker(), 5000, session.signal);
    await fetchEngineInfo(fakeDocker(), 5000, session.signal);
    expect(dependantSignals(session.signal)).toBe(0);
    expect(getEventListeners(session.signal, 'abort')).toHaveLength(0);
  });

  it('end a call when the caller gives up', async () => {
    const session = new AbortController();
    const ping = pingEngine(fakeDocker(true), 5000, session.signal);
    session.abort(new Error('the session closed'));
    await expect(ping).rejects.toThrow('the session closed');
  });

  it('end a call at the deadline as a TimeoutError', async () => {
    const started = Date.now();
    await expect(pingEngine(fakeDocker(true), 100, new AbortController().signal)).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    await expect(pingEngine(fakeDocker(true), 100)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
