// Owns who watches what: each client's declarative watch set (every running container, and/or explicit ids,
// some of them focused: a chart shows them), and their union, which is what gets collected. A container several
// clients watch is collected once; focused by any, it is sampled fast.

interface ClientSet {
  all: boolean;
  /** Every id it names, the focused ones included. */
  ids: ReadonlySet<string>;
  focus: ReadonlySet<string>;
}

export class WatchSets {
  private readonly clients = new Map<string, ClientSet>();

  /** Replaces the client's set (ids are full container ids); a focused id is watched too. */
  set(clientId: string, all: boolean, ids: Iterable<string>, focus: Iterable<string> = []): void {
    const focused = new Set(focus);
    const set = { all, ids: new Set([...ids, ...focused]), focus: focused };
    if (!set.all && set.ids.size === 0) this.clients.delete(clientId);
    else this.clients.set(clientId, set);
  }

  release(clientId: string): boolean {
    return this.clients.delete(clientId);
  }

  get empty(): boolean {
    return this.clients.size === 0;
  }

  /** Whether some client watches every running container. */
  anyAll(): boolean {
    for (const set of this.clients.values()) if (set.all) return true;
    return false;
  }

  /** Every id some client named explicitly. */
  explicitIds(): Set<string> {
    const ids = new Set<string>();
    for (const set of this.clients.values()) for (const id of set.ids) ids.add(id);
    return ids;
  }

  /** Every id some client focuses: sampled at the fast interval. */
  focused(): Set<string> {
    const ids = new Set<string>();
    for (const set of this.clients.values()) for (const id of set.focus) ids.add(id);
    return ids;
  }

  /** The union of all sets: what to collect, given the running containers. */
  wanted(running: ReadonlySet<string>): Set<string> {
    const ids = this.explicitIds();
    if (this.anyAll()) for (const id of running) ids.add(id);
    return ids;
  }

  /** How many clients watch this container (0: stop collecting it). */
  watchers(id: string, running: ReadonlySet<string>): number {
    let count = 0;
    for (const set of this.clients.values()) if (set.ids.has(id) || (set.all && running.has(id))) count += 1;
    return count;
  }

  /** What this client watches now, as the watch reply reports it. */
  watchingOf(clientId: string, running: ReadonlySet<string>): string[] {
    const set = this.clients.get(clientId);
    if (!set) return [];
    const ids = new Set(set.ids);
    if (set.all) for (const id of running) ids.add(id);
    return [...ids];
  }

  /** The container was removed: no client can watch it any more. */
  forget(id: string): void {
    for (const [clientId, set] of this.clients) {
      if (!set.ids.has(id)) continue;
      const ids = new Set(set.ids);
      const focus = new Set(set.focus);
      ids.delete(id);
      focus.delete(id);
      this.set(clientId, set.all, ids, focus);
    }
  }
}
