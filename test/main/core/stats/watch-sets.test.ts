import { describe, expect, it } from 'vitest';
import { RunningSet } from '../../../../main/core/stats/running-set';
import { WatchSets } from '../../../../main/core/stats/watch-sets';

describe('WatchSets', () => {
  it('the union of every client set is what gets collected, each container once', () => {
    const sets = new WatchSets();
    const running = new Set(['a', 'b', 'c']);
    sets.set('one', false, ['a', 'x']);
    sets.set('two', false, ['a']);
    expect(sets.wanted(running)).toEqual(new Set(['a', 'x']));
    expect(sets.watchers('a', running)).toBe(2);
    sets.set('three', true, []);
    expect(sets.wanted(running)).toEqual(new Set(['a', 'x', 'b', 'c']));
    expect(sets.watchers('a', running)).toBe(3);
    expect(sets.watchingOf('three', running).sort()).toEqual(['a', 'b', 'c']);
  });

  it('a focused id is watched too; the focused union follows each client, releases and removals', () => {
    const sets = new WatchSets();
    const running = new Set(['a', 'b', 'c']);
    sets.set('chart', false, [], ['a']);
    sets.set('table', true, [], []);
    sets.set('limits', false, ['b'], ['b', 'c']);
    expect(sets.focused()).toEqual(new Set(['a', 'b', 'c']));
    expect(sets.watchingOf('chart', running)).toEqual(['a']);
    expect(sets.watchers('a', running)).toBe(2);
    // The chart page closes its chart but keeps the container in view: watched at 1 Hz, no longer focused.
    sets.set('chart', false, ['a'], []);
    expect(sets.focused()).toEqual(new Set(['b', 'c']));
    sets.release('limits');
    expect(sets.focused()).toEqual(new Set());
    sets.set('chart', false, [], ['a', 'b']);
    sets.forget('a');
    expect(sets.focused()).toEqual(new Set(['b']));
    expect(sets.watchingOf('chart', running)).toEqual(['b']);
  });

  it('a new set replaces the old one; an empty set or a release removes the client', () => {
    const sets = new WatchSets();
    sets.set('one', false, ['a']);
    sets.set('one', false, ['b']);
    expect(sets.wanted(new Set())).toEqual(new Set(['b']));
    sets.set('one', false, []);
    expect(sets.empty).toBe(true);
    sets.set('one', true, []);
    expect(sets.release('one')).toBe(true);
    expect(sets.release('one')).toBe(false);
    expect(sets.anyAll()).toBe(false);
  });

  it('a removed container leaves every set', () => {
    const sets = new WatchSets();
    sets.set('one', false, ['a', 'b']);
    sets.set('two', false, ['a']);
    sets.forget('a');
    expect(sets.explicitIds()).toEqual(new Set(['b']));
    expect(sets.empty).toBe(false);
    sets.forget('b');
    expect(sets.empty).toBe(true);
  });
});

describe('RunningSet', () => {
  it('events that arrive while the list is under way win over its answer', async () => {
    let answer: (value: Array<{ Id: string }>) => void = () => undefined;
    const running = new RunningSet(() => new Promise((resolve) => (answer = resolve)));
    const known = running.ensureKnown();
    // The list was taken before c started and after b died, but its answer arrives later.
    running.noteStarted('c');
    running.noteStopped('b');
    answer([{ Id: 'a' }, { Id: 'b' }]);
    await known;
    expect([...running.ids].sort()).toEqual(['a', 'c']);
  });

  it('lists once while known; forget() makes the next call list again', async () => {
    let calls = 0;
    const running = new RunningSet(async () => {
      calls += 1;
      return [{ Id: 'a' }];
    });
    await Promise.all([running.ensureKnown(), running.ensureKnown()]);
    await running.ensureKnown();
    expect(calls).toBe(1);
    running.forget();
    expect(running.ids.size).toBe(0);
    await running.ensureKnown();
    expect(calls).toBe(2);
  });
});
