// What this window wants stats for, declared by the components on screen: each declaration is counted, and
// the union of all of them is the one declarative `stats:watch` request the store sends. Ids a chart shows are
// declared focused: the core reads those several times a second.
import { CountedKeys } from '../lib/counted-keys';

export interface WatchRequest {
  /** Every running container (the containers list, the dashboard). */
  all?: boolean;
  /** These containers (a detail page). */
  ids?: readonly string[];
  /** The ids are charted now: the core samples them at its fast interval (`focusIntervalMs`). */
  focus?: boolean;
}

/** The union, in the shape `stats:watch` takes; ids sorted so equal unions compare equal. */
export interface WatchUnion {
  all: boolean;
  ids: string[];
  /** The focused ids, sorted; absent when none is (the request is then what it was before focus existed). */
  focus?: string[];
}

export class WatchRegistry {
  private allCount = 0;
  private readonly idCounts = new CountedKeys<string>();
  private readonly focusCounts = new CountedKeys<string>();

  /** Counts a declaration; returns the function that withdraws it (safe to call twice). */
  add(request: WatchRequest): () => void {
    const all = request.all === true;
    const ids = [...new Set(request.ids ?? [])];
    if (all) this.allCount += 1;
    const releases = ids.map((id) => this.idCounts.add(id));
    if (request.focus === true) releases.push(...ids.map((id) => this.focusCounts.add(id)));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (all) this.allCount -= 1;
      for (const release of releases) release();
    };
  }

  /** Whether a declaration covers this container: every running one, or its id as declared. */
  covers(id: string): boolean {
    return this.allCount > 0 || this.idCounts.has(id);
  }

  union(): WatchUnion {
    const union: WatchUnion = { all: this.allCount > 0, ids: [...this.idCounts.keys()].sort() };
    const focus = [...this.focusCounts.keys()].sort();
    if (focus.length > 0) union.focus = focus;
    return union;
  }
}

export function isEmptyUnion(union: WatchUnion): boolean {
  return !union.all && union.ids.length === 0;
}

export function unionKey(union: WatchUnion): string {
  return JSON.stringify(union);
}
