// The renderer's transfer store: events merge, a list answer replaces (without undoing newer events), a
// start reply never rolls back what an event said, and dismissed transfers stay gone.
import { describe, expect, it, vi } from 'vitest';
import { createTransferStore } from '../../../renderer/src/transfers/transfer-store';
import { transfer } from '../../main/shared/transfer-fixtures';

describe('createTransferStore', () => {
  it('merges events by id, newest transfer first, and notifies on each change', () => {
    const store = createTransferStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.apply(transfer({ id: 'a', startedAt: 1 }));
    store.apply(transfer({ id: 'b', startedAt: 2 }));
    store.apply(transfer({ id: 'a', startedAt: 1, currentBytes: 50, totalBytes: 100 }));
    expect(store.get().map((t) => [t.id, t.currentBytes])).toEqual([
      ['b', 0],
      ['a', 50],
    ]);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('keeps the same snapshot between changes', () => {
    const store = createTransferStore();
    store.apply(transfer());
    expect(store.get()).toBe(store.get());
  });

  it('replaces everything with the core list on reattach: transfers it no longer has disappear', () => {
    const store = createTransferStore();
    store.apply(transfer({ id: 'gone' }));
    const token = store.beginReplace();
    store.replaceAll(token, [
      transfer({ id: 'kept', state: 'done', startedAt: 1 }),
      transfer({ id: 'new', startedAt: 5 }),
    ]);
    expect(store.get().map((t) => t.id)).toEqual(['new', 'kept']);
  });

  it('keeps an event that arrived while the list was on its way', () => {
    const store = createTransferStore();
    store.apply(transfer({ id: 'a', currentBytes: 10 }));
    const token = store.beginReplace();
    store.apply(transfer({ id: 'a', state: 'done', currentBytes: 100 }));
    store.replaceAll(token, [transfer({ id: 'a', currentBytes: 40 })]);
    expect(store.get()[0]).toMatchObject({ state: 'done', currentBytes: 100 });
    // A later reattach is not held back by that old event any more.
    store.replaceAll(store.beginReplace(), []);
    expect(store.get()).toEqual([]);
  });

  it('does not let a start reply roll back a newer event', () => {
    const store = createTransferStore();
    store.apply(transfer({ id: 'a', state: 'done' }));
    store.adopt(transfer({ id: 'a', state: 'running' }));
    expect(store.get()[0]!.state).toBe('done');
    store.adopt(transfer({ id: 'b' }));
    expect(store.get().map((t) => t.id)).toContain('b');
  });

  it('takes a cancel reply over a running state', () => {
    const store = createTransferStore();
    store.apply(transfer({ id: 'a' }));
    store.adopt(transfer({ id: 'a', state: 'cancelled', leftOver: '1 of 2 layers were downloaded' }));
    expect(store.get()[0]).toMatchObject({ state: 'cancelled', leftOver: '1 of 2 layers were downloaded' });
  });

  it('forgets a dismissed transfer for good, even when a late list or event still has it', () => {
    const store = createTransferStore();
    store.apply(transfer({ id: 'a', state: 'failed' }));
    const token = store.beginReplace();
    store.dismiss('a');
    expect(store.get()).toEqual([]);
    store.replaceAll(token, [transfer({ id: 'a', state: 'failed' })]);
    store.apply(transfer({ id: 'a', state: 'failed' }));
    expect(store.get()).toEqual([]);
  });

  it('ignores a list answer older than one already applied, when two requests crossed', () => {
    const store = createTransferStore();
    const older = store.beginReplace();
    store.apply(transfer({ id: 'seen' }));
    const newer = store.beginReplace();
    store.replaceAll(newer, [transfer({ id: 'seen' }), transfer({ id: 'started-elsewhere', startedAt: 2_000 })]);
    store.replaceAll(older, []);
    expect(store.get().map((t) => t.id)).toEqual(['started-elsewhere', 'seen']);
  });

  it('stops remembering a dismissed id once the core no longer lists it, but not before', () => {
    const store = createTransferStore();
    store.apply(transfer({ id: 'a', state: 'done' }));
    store.dismiss('a');
    // The core could not forget it (its dismiss failed): it stays hidden.
    store.replaceAll(store.beginReplace(), [transfer({ id: 'a', state: 'done' })]);
    expect(store.get()).toEqual([]);
    // Gone from the core's list: nothing is left to hide, so an event about a new 'a' shows again.
    store.replaceAll(store.beginReplace(), []);
    store.apply(transfer({ id: 'a' }));
    expect(store.get().map((t) => t.id)).toEqual(['a']);
  });
});
