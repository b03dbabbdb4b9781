// Owns the set of running containers that "watch all" follows: listed once from the engine, then kept up to
// date from its start/die/destroy events, without losing an event that arrives while the list is under way.

export class RunningSet {
  readonly ids = new Set<string>();
  private known = false;
  private listing: Promise<void> | null = null;
  /** Events seen while a list is under way; applied over its (possibly older) answer. */
  private changes: Map<string, boolean> | null = null;
  /** Bumped by forget(): a list begun before must not fill the set. */
  private epoch = 0;

  constructor(private readonly list: () => Promise<Array<{ Id: string }>>) {}

  /** Lists the running containers unless the set is already known and followed. */
  ensureKnown(): Promise<void> {
    if (this.known) return Promise.resolve();
    this.listing ??= this.fill().finally(() => (this.listing = null));
    return this.listing;
  }

  noteStarted(id: string): void {
    this.ids.add(id);
    this.changes?.set(id, true);
  }

  noteStopped(id: string): void {
    this.ids.delete(id);
    this.changes?.set(id, false);
  }

  /** The engine went away: the set is unknown until listed again. */
  forget(): void {
    this.epoch += 1;
    this.known = false;
    this.changes = null;
    this.ids.clear();
  }

  private async fill(): Promise<void> {
    const epoch = this.epoch;
    const changes = new Map<string, boolean>();
    this.changes = changes;
    try {
      const containers = await this.list();
      if (epoch !== this.epoch) return;
      this.ids.clear();
      for (const container of containers) this.ids.add(container.Id);
      for (const [id, up] of changes) {
        if (up) this.ids.add(id);
        else this.ids.delete(id);
      }
      this.known = true;
    } finally {
      if (this.changes === changes) this.changes = null;
    }
  }
}
