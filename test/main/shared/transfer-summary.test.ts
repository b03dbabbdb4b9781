import { describe, expect, it } from 'vitest';
import { summariseTransfers } from '../../../main/shared/transfer-summary';
import { transfer } from './transfer-fixtures';

describe('summariseTransfers', () => {
  it('says nothing when nothing runs', () => {
    expect(summariseTransfers([transfer({ state: 'done' })])).toEqual({
      running: 0,
      fraction: null,
      verb: '',
      percent: null,
      text: '',
    });
  });

  it('names a single pull and its percentage', () => {
    expect(summariseTransfers([transfer({ currentBytes: 43, totalBytes: 100 })])).toEqual({
      running: 1,
      fraction: 0.43,
      verb: 'Pulling',
      percent: 43,
      text: 'Pulling busybox · 43 %',
    });
  });

  it('stops at 99 % while a transfer still runs with every byte in', () => {
    expect(summariseTransfers([transfer({ currentBytes: 100, totalBytes: 100 })]).fraction).toBe(0.99);
  });

  it('leaves the percentage out while no size is known', () => {
    expect(summariseTransfers([transfer({})]).text).toBe('Pulling busybox');
  });

  it('counts several transfers over their summed bytes, ignoring finished ones', () => {
    const summary = summariseTransfers([
      transfer({ id: 'a', currentBytes: 10, totalBytes: 100 }),
      transfer({ id: 'b', kind: 'push', currentBytes: 90, totalBytes: 100 }),
      transfer({ id: 'c', state: 'failed', currentBytes: 0, totalBytes: 1000 }),
    ]);
    expect(summary).toEqual({
      running: 2,
      fraction: 0.5,
      verb: 'Transferring',
      percent: 50,
      text: 'Transferring 2 images · 50 %',
    });
  });
});
