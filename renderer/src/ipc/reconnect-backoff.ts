// How long to wait before the next reconnect attempt to the Berth core: exponential, capped, with jitter so
// several windows do not reconnect in lockstep after the core restarts.

export const firstDelayMs = 250;
export const maxDelayMs = 10_000;

/** `attempt` counts failures since the last successful open, from 0. `random` is injectable for tests. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, attempt));
  // ±20 % jitter, never above the cap.
  return Math.round(Math.min(maxDelayMs, base * (0.8 + 0.4 * random())));
}
