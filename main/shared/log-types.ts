// Container logs: what `logs:fetch` returns. Lines travel as text in the engine's own form ("<RFC3339Nano
// timestamp> <text>\n", the engine always asked for timestamps), as stream chunks tagged with their fd, so a
// follow and a page of older lines are parsed by the same code in the renderer.
import type { StreamChunk } from './stream-types';

export interface LogsPage {
  /** The lines just before `before`, oldest first, consecutive lines of one fd joined into one chunk. */
  chunks: StreamChunk[];
  /** How many lines the chunks hold. */
  lines: number;
  /** True when there is nothing older: fewer lines than asked for were left before `before`. */
  reachedStart: boolean;
}
