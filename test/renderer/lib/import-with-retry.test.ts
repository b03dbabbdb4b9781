import { describe, expect, it } from 'vitest';
import { importWithRetry } from '../../../renderer/src/lib/import-with-retry';

describe('importWithRetry', () => {
  it('tries again after a failed load, and gives what the load gives', async () => {
    let calls = 0;
    const load = async () => {
      calls += 1;
      if (calls < 3) throw new TypeError('Failed to fetch dynamically imported module');
      return 'module';
    };
    await expect(importWithRetry(load, [1, 1, 1])).resolves.toBe('module');
    expect(calls).toBe(3);
  });

  it('gives up with the last error once its delays are spent', async () => {
    let calls = 0;
    const load = async () => {
      calls += 1;
      throw new TypeError(`failure ${calls}`);
    };
    await expect(importWithRetry(load, [1, 1])).rejects.toThrow('failure 3');
    expect(calls).toBe(3);
  });
});
