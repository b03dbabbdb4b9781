// Owns running work one at a time per key (a container), so two applies to one container cannot interleave
// their read, update and re-read, nor push their undo entries out of order; different keys run in parallel.

export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // The previous outcome does not matter to the next call: each reads the container afresh.
    const next = previous.then(work, work);
    this.tails.set(key, next);
    const forget = () => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    };
    next.then(forget, forget);
    return next;
  }
}
