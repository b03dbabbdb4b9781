// Whether the limits are biting right now, in words for the Limits panel: throttling at the CPU limit, memory
// close to its limit, OOM kills. Read from the newest stats sample, so it changes as soon as a limit does.
import { valueOf } from '../stats/series-window';

export type PressureTone = 'ok' | 'warn' | 'danger';

export interface PressureLine {
  tone: PressureTone;
  text: string;
}

/** Throttling below this is scheduler noise, not a limit holding the container back. */
export const THROTTLE_NOTICE_PERCENT = 5;
/** Memory this close to its limit means the kernel reclaims, and the next step is an OOM kill. */
export const MEMORY_NOTICE_PERCENT = 90;

export function limitPressure(values: ReadonlyArray<number | null> | null | undefined): PressureLine[] {
  if (!values) return [];
  const lines: PressureLine[] = [];
  const throttled = valueOf(values, 'throttledPercent');
  if (throttled !== null && throttled >= THROTTLE_NOTICE_PERCENT) {
    lines.push({
      tone: throttled >= 50 ? 'danger' : 'warn',
      text: `Held back: throttled in ${Math.round(throttled)} % of CPU periods`,
    });
  }
  const used = valueOf(values, 'memBytes');
  const limit = valueOf(values, 'memLimitBytes');
  if (used !== null && limit !== null && limit > 0) {
    const share = Math.round((used / limit) * 100);
    if (share >= MEMORY_NOTICE_PERCENT)
      lines.push({ tone: share >= 97 ? 'danger' : 'warn', text: `Memory at ${share} % of its limit` });
  }
  const pids = valueOf(values, 'pids');
  const pidsLimit = valueOf(values, 'pidsLimit');
  if (pids !== null && pidsLimit !== null && pidsLimit > 0 && pids / pidsLimit >= 0.9) {
    lines.push({ tone: 'warn', text: `Processes at ${Math.round(pids)} of ${Math.round(pidsLimit)} allowed` });
  }
  const kills = valueOf(values, 'oomKills');
  if (kills !== null && kills > 0) {
    lines.push({
      tone: 'danger',
      text: `${kills === 1 ? '1 process was' : `${kills} processes were`} killed for lack of memory (OOM) since its stats started`,
    });
  }
  if (lines.length === 0)
    lines.push({ tone: 'ok', text: 'Within its limits: no throttling, memory clear of its limit' });
  return lines;
}
