// Owns running work one at a time per key, so two jobs on one key cannot interleave: two limit applies to one
// container (their read, update and re-read, their undo entries), two scalings of one replica group, two writes
// of one docker config file. Different keys run in parallel. Low in the core, since limits, registries and run
// all use it.

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
