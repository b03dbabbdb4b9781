// What the host and the in-guest stats collector (`berth-guest-stats` in the VM image, scripts/vm/guest/) agree
// on: where the command lives and the JSON frame it prints each tick. Low in the core, since both the stats
// collectors (stats/guest/) and the VM engine (engines/vm/, through guest-ssh-source.ts) use it; the rest of what
// the VM's guest image agrees on stays in engines/vm/guest-protocol.ts. test/main/core/engines/vm/guest-protocol.test.ts
// checks that the image's collector still prints this shape.

/** In-guest stats collector: `berth-guest-stats <interval ms>` prints one JSON line per tick (parsed by stats/guest/guest-frame.ts). */
export const GUEST_STATS_COMMAND = '/usr/local/bin/berth-guest-stats';

/**
 * One line of `berth-guest-stats`: every running container's cgroup v2 counters, read once per tick in the
 * guest (cgroupfs driver: /sys/fs/cgroup/docker/<id>/). Counters are cumulative; the host computes rates.
 * A value the guest could not read is null.
 */
export interface GuestStatsFrame {
  /** Guest clock, Unix epoch ms. */
  t: number;
  c: Array<{
    /** Full container id (the cgroup directory name). */
    id: string;
    /** cpu.stat usage_usec. */
    cpuUsec: number | null;
    /** cpu.stat nr_throttled and throttled_usec. */
    nrThrottled: number | null;
    throttledUsec: number | null;
    /** memory.current, memory.max (null for "max"), memory.stat inactive_file, memory.swap.current. */
    memBytes: number | null;
    memMaxBytes: number | null;
    inactiveFileBytes: number | null;
    swapBytes: number | null;
    /** memory.events oom_kill. */
    oomKills: number | null;
    /** pids.current, pids.max (null for "max"). */
    pids: number | null;
    pidsMax: number | null;
    /** io.stat rbytes and wbytes summed over devices. */
    readBytes: number | null;
    writeBytes: number | null;
    /** /proc/<first pid of cgroup.procs>/net/dev, summed over interfaces except lo. */
    rxBytes: number | null;
    txBytes: number | null;
  }>;
}
