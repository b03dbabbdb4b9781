// The one state machine every backend follows, so the provider can rely on the same moves whatever the
// hypervisor: stopped → starting → running → saving|stopping → stopped, and `failed` (with its reason) from
// anywhere the hypervisor can die. A move the table does not allow is a bug in the backend and throws.
import type { StateListener } from './vm-backend';

export type BackendState = 'stopped' | 'starting' | 'running' | 'saving' | 'stopping' | 'failed';

/** Where each state may go. `saving` may fall back to `running` when the save fails and the guest still runs. */
export const BACKEND_MOVES: Readonly<Record<BackendState, readonly BackendState[]>> = {
  stopped: ['starting'],
  starting: ['running', 'stopping', 'failed'],
  running: ['saving', 'stopping', 'failed'],
  saving: ['stopped', 'running', 'failed'],
  stopping: ['stopped', 'failed'],
  failed: ['starting', 'stopped'],
};

export class BackendStateMachine {
  private current: BackendState = 'stopped';
  private why: string | null = null;
  private readonly listeners = new Set<StateListener>();

  constructor(private readonly name: string) {}

  get state(): BackendState {
    return this.current;
  }

  /** The reason of the last `failed`, kept until the next start. */
  get failure(): string | null {
    return this.current === 'failed' ? this.why : null;
  }

  is(...states: BackendState[]): boolean {
    return states.includes(this.current);
  }

  /** Moves to `next` (same state: nothing happens); throws on a move BACKEND_MOVES does not allow. */
  to(next: BackendState, why: string | null = null): void {
    if (next === this.current) return;
    if (!BACKEND_MOVES[this.current].includes(next))
      throw new Error(`${this.name}: cannot go from ${this.current} to ${next}`);
    this.current = next;
    this.why = why;
    for (const listener of [...this.listeners]) listener(next, why);
  }

  onState(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
