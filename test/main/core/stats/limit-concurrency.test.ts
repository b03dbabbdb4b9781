// The inspects' gate: at most `max` calls at once, the rest in order, a failed call freeing its slot too.
import { describe, expect, it } from 'vitest';
import { limitConcurrency } from '../../../../main/core/stats/limit-concurrency';

/** A call that finishes when the test says so. */
function controlled() {
  const started: number[] = [];
  const finish = new Map<number, { resolve: (value: number) => void; reject: (error: Error) => void }>();
  const work = (n: number) =>
    new Promise<number>((resolve, reject) => {
      started.push(n);
      finish.set(n, { resolve, reject });
    });
  return { started, finish, work };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('limitConcurrency', () => {
  it('runs at most max calls at once and starts the waiting ones in order as slots free up', async () => {
    const { started, finish, work } = controlled();
    const limited = limitConcurrency(2, work);
    const results = [1, 2, 3, 4].map((n) => limited(n));
    await tick();
    expect(started).toEqual([1, 2]);
    finish.get(2)!.resolve(20);
    await tick();
    expect(started).toEqual([1, 2, 3]);
    finish.get(1)!.resolve(10);
    finish.get(3)!.resolve(30);
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    finish.get(4)!.resolve(40);
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
  });

  it('passes a failure on to its caller and gives the slot to the next call', async () => {
    const { started, finish, work } = controlled();
    const limited = limitConcurrency(1, work);
    const first = limited(1);
    const second = limited(2);
    await tick();
    expect(started).toEqual([1]);
    finish.get(1)!.reject(new Error('no such container'));
    await expect(first).rejects.toThrow('no such container');
    await tick();
    expect(started).toEqual([1, 2]);
    finish.get(2)!.resolve(2);
    expect(await second).toBe(2);
    // The slot is free again: the next call starts at once, the one after it waits for it.
    const third = limited(3);
    const fourth = limited(4);
    await tick();
    expect(started).toEqual([1, 2, 3]);
    finish.get(3)!.resolve(3);
    await tick();
    finish.get(4)!.resolve(4);
    expect(await Promise.all([third, fourth])).toEqual([3, 4]);
  });
});
