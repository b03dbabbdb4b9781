// Shapes an engine's `top` answer into the Isolation tab's process table: the PID columns taken out into
// host and container PIDs, the other columns kept in the engine's order with its titles. Docker's `top` runs
// `ps` on the host (host PIDs; the container's come from NSpid); Podman's default runs `ps` inside the
// container (its PIDs only), so Berth asks Podman for its own descriptors, which give both.
import type { ProcessView } from '../../shared/inspect-types';

export interface TopAnswer {
  Titles?: string[] | null;
  Processes?: string[][] | null;
}

/** Podman's `top` descriptors: PID in the container, HPID on the host, then the usual columns. */
export const podmanTopArgs = 'pid,hpid,ppid,user,etime,time,args';

export interface TopTable {
  titles: string[];
  processes: ProcessView[];
  /** The answer had a column of host PIDs. */
  hasHostPids: boolean;
}

function pid(text: string | undefined): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * `hostColumn` and `containerColumn` name the PID columns (`PID` is the host's for Docker, the container's for
 * Podman). `PPID` is relabelled with whose PID it is, since both kinds now sit side by side.
 */
export function topTable(
  answer: TopAnswer,
  columns: { host: string | null; container: string | null; ppidIs: 'host' | 'inside' },
): TopTable {
  const titles = answer.Titles ?? [];
  const rows = answer.Processes ?? [];
  const hostAt = columns.host === null ? -1 : titles.indexOf(columns.host);
  const containerAt = columns.container === null ? -1 : titles.indexOf(columns.container);
  const kept = titles.map((_, index) => index).filter((index) => index !== hostAt && index !== containerAt);
  return {
    titles: kept.map((index) => (titles[index] === 'PPID' ? `PPID (${columns.ppidIs})` : titles[index])),
    processes: rows.map((row) => ({
      hostPid: hostAt < 0 ? null : pid(row[hostAt]),
      containerPid: containerAt < 0 ? null : pid(row[containerAt]),
      values: kept.map((index) => row[index] ?? ''),
    })),
    hasHostPids: hostAt >= 0,
  };
}
