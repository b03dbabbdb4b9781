// Owns how many container inspects opening stats series sends at once. Opening every running container (the
// recorder's watch when the engine connects, a page's first watch) sent all of them together: with 100
// containers the engine answered the container list, asked for at the same moment by the first screen, only
// after most of them. A few at a time take about as long in all (the engine is the bottleneck) and let other
// requests through between them.

/** `work`, run at most `max` calls at once; the others wait their turn in order. */
export function limitConcurrency<A extends unknown[], R>(
  max: number,
  work: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (...args: A): Promise<R> => {
    // A finished call hands its slot straight to the next waiter, so `active` only counts up from here.
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await work(...args);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
