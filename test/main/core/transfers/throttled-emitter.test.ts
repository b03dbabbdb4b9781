// The throttle: at most one send per interval per transfer, at once on a state change, and a trailing send
// with the latest snapshot after a burst.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThrottledEmitter } from '../../../../main/core/transfers/throttled-emitter';
import type { Transfer } from '../../../../main/shared/transfer-types';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const transfer = (id: string, currentBytes: number, state: Transfer['state'] = 'running') =>
  ({ id, currentBytes, state }) as Transfer;

describe('ThrottledEmitter', () => {
  it('sends the first change, holds a burst, then sends the latest; state changes go at once', () => {
    const sent: Array<[string, number, string]> = [];
    const emitter = new ThrottledEmitter({
      emit: (t) => sent.push([t.id, t.currentBytes, t.state]),
      intervalMs: 100,
      now: () => Date.now(),
    });
    let current = transfer('a', 0);
    const read = () => current;
    emitter.changed('a', read);
    for (let bytes = 1; bytes <= 10; bytes += 1) {
      current = transfer('a', bytes);
      emitter.changed('a', read);
    }
    expect(sent).toEqual([['a', 0, 'running']]);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([
      ['a', 0, 'running'],
      ['a', 10, 'running'],
    ]);
    current = transfer('a', 11);
    emitter.changed('a', read);
    current = transfer('a', 12, 'done');
    emitter.changed('a', read);
    expect(sent.at(-1)).toEqual(['a', 12, 'done']);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
  });

  it('throttles each transfer on its own, and forget drops a pending send', () => {
    const sent: string[] = [];
    const emitter = new ThrottledEmitter({ emit: (t) => sent.push(t.id), intervalMs: 100 });
    emitter.changed('a', () => transfer('a', 0));
    emitter.changed('b', () => transfer('b', 0));
    emitter.changed('a', () => transfer('a', 1));
    emitter.forget('a');
    vi.advanceTimersByTime(200);
    expect(sent).toEqual(['a', 'b']);
  });
});
