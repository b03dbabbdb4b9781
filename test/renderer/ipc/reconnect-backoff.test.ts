import { describe, expect, it } from 'vitest';
import { firstDelayMs, maxDelayMs, reconnectDelay } from '../../../renderer/src/ipc/reconnect-backoff';

describe('reconnectDelay', () => {
  it('doubles from the first delay up to the cap', () => {
    const middle = () => 0.5;
    expect(reconnectDelay(0, middle)).toBe(firstDelayMs);
    expect(reconnectDelay(1, middle)).toBe(firstDelayMs * 2);
    expect(reconnectDelay(3, middle)).toBe(firstDelayMs * 8);
    expect(reconnectDelay(30, middle)).toBe(maxDelayMs);
  });

  it('jitters by at most 20 % and never passes the cap', () => {
    expect(reconnectDelay(2, () => 0)).toBe(800);
    expect(reconnectDelay(2, () => 0.999999)).toBe(1200);
    expect(reconnectDelay(50, () => 0.999999)).toBe(maxDelayMs);
  });
});
