// Spreads heavy re-renders over separate tasks: each component that shows a new value through
// `useOnePerTask` renders it in a task of its own, one after the other, rather than all of them in the task
// that changed the value. The Stats tab's six charts redraw on each new window of data; together they take
// longer than a frame (a "long task" that delays input), one at a time each takes a fraction of it.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

const queue: Array<() => void> = [];
let running = false;

function runNext(): void {
  const job = queue.shift();
  // flushSync: the render, its commit and the store updates its effects make all happen in this task.
  if (job) flushSync(job);
  if (queue.length > 0) setTimeout(runNext, 0);
  else running = false;
}

/** Runs `job` in a task of its own, after the jobs posted before it; returns a cancel function. */
export function postOnePerTask(job: () => void): () => void {
  let cancelled = false;
  queue.push(() => {
    if (!cancelled) job();
  });
  if (!running) {
    running = true;
    setTimeout(runNext, 0);
  }
  return () => {
    cancelled = true;
  };
}

/**
 * `value` as this component shows it: the first value at once, each later one in a task of its own (a value
 * replaced before its turn is skipped).
 */
export function useOnePerTask<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    return postOnePerTask(() => setShown(() => value));
  }, [value, shown]);
  return shown;
}
