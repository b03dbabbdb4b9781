// Keys that several holders declare at once (views showing a container, components wanting its history): each
// declaration is counted, and a key is held while any holder keeps it.

export class CountedKeys<K> {
  private readonly counts = new Map<K, number>();

  /**
   * Counts one declaration of `key`; returns the function that withdraws it (safe to call twice), which calls
   * `onLast` when it was the key's last declaration.
   */
  add(key: K, onLast?: () => void): () => void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) {
        this.counts.set(key, left);
        return;
      }
      this.counts.delete(key);
      onLast?.();
    };
  }

  has(key: K): boolean {
    return this.counts.has(key);
  }

  keys(): IterableIterator<K> {
    return this.counts.keys();
  }
}
