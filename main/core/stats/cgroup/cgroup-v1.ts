// Owns collecting one container from cgroup v1 files: cpuacct, cpu, memory, pids and blkio controllers, each
// possibly mounted separately. Per tick: cpuacct.usage, then (when it moved, or every few seconds) cpu.stat,
// memory.usage_in_bytes, memory.stat, memory.oom_control, pids.current, the blkio bytes and net/dev, all kept
// open.
import { join } from 'node:path';
import { CgroupHandle } from './cgroup-handle';
import type { CgroupDirs } from './cgroup-paths';
import { keyBytes, keyedNumber, readBlkioV1, singleNumber } from './cgroup-parse';
import { cpuLimitFromQuota, type RawReading } from '../derive';
import { readLength, readOnce, type KeptOpenFile } from './kept-open-file';

const NR_PERIODS = keyBytes('nr_periods');
const NR_THROTTLED = keyBytes('nr_throttled');
const TOTAL_INACTIVE_FILE = keyBytes('total_inactive_file');
const OOM_KILL = keyBytes('oom_kill');

/** A single-number file read once; NaN when it does not exist. */
function numberFile(path: string | null): number {
  const text = path === null ? null : readOnce(path);
  return text === null ? NaN : singleNumber(text, readLength);
}

export class CgroupV1Handle extends CgroupHandle {
  private cpuUsage!: KeptOpenFile;
  private cpuStat!: KeptOpenFile | null;
  private memUsage!: KeptOpenFile;
  private memStat!: KeptOpenFile;
  private oomControl!: KeptOpenFile | null;
  private pidsCurrent!: KeptOpenFile | null;
  private blkio!: KeptOpenFile | null;
  private cpuLimitCores = NaN;
  private memLimit = NaN;
  private swapLimit = NaN;
  private pidsLimit = NaN;

  constructor(
    private readonly dirs: Extract<CgroupDirs, { version: 1 }>,
    procRoot: string,
    pid: number,
    hostNetwork: boolean,
  ) {
    super(procRoot, pid, hostNetwork);
    const at = (dir: string | null, file: string) => (dir === null ? null : join(dir, file));
    this.opened(() => {
      this.cpuUsage = this.keep(join(dirs.cpuacct, 'cpuacct.usage'));
      this.cpuStat = this.keepOptional(at(dirs.cpu, 'cpu.stat'));
      this.memUsage = this.keep(join(dirs.memory, 'memory.usage_in_bytes'));
      this.memStat = this.keep(join(dirs.memory, 'memory.stat'));
      this.oomControl = this.keepOptional(join(dirs.memory, 'memory.oom_control'));
      this.pidsCurrent = this.keepOptional(at(dirs.pids, 'pids.current'));
      // The throttle policy's counters see every request; the recursive file is the fallback some kernels have.
      this.blkio =
        this.keepOptional(at(dirs.blkio, 'blkio.throttle.io_service_bytes')) ??
        this.keepOptional(at(dirs.blkio, 'blkio.throttle.io_service_bytes_recursive'));
      this.readLimits();
    });
  }

  protected readLimits(): void {
    const { cpu, memory, pids } = this.dirs;
    this.cpuLimitCores =
      cpu === null
        ? NaN
        : cpuLimitFromQuota(numberFile(join(cpu, 'cpu.cfs_quota_us')), numberFile(join(cpu, 'cpu.cfs_period_us')));
    this.memLimit = numberFile(join(memory, 'memory.limit_in_bytes'));
    // Absent when the kernel does not account swap (swapaccount=0): then there is no such limit to show.
    this.swapLimit = numberFile(join(memory, 'memory.memsw.limit_in_bytes'));
    this.pidsLimit = pids === null ? NaN : numberFile(join(pids, 'pids.max'));
  }

  protected readCpu(into: RawReading): void {
    // cpuacct.usage first: once the cgroup is removed it fails at once and nothing else is read.
    into.cpuNs = singleNumber(this.cpuUsage.read(), readLength);
  }

  protected readOthers(into: RawReading): void {
    if (this.cpuStat) {
      const text = this.cpuStat.read();
      into.periods = keyedNumber(text, readLength, NR_PERIODS);
      into.throttledPeriods = keyedNumber(text, readLength, NR_THROTTLED);
    }
    into.memUsage = singleNumber(this.memUsage.read(), readLength);
    into.memInactiveFile = keyedNumber(this.memStat.read(), readLength, TOTAL_INACTIVE_FILE);
    // `oom_kill` appeared in memory.oom_control with Linux 4.13; older kernels only tell through the engine.
    const kills = this.oomControl ? keyedNumber(this.oomControl.read(), readLength, OOM_KILL) : NaN;
    into.oomKills = Number.isFinite(kills) ? kills : this.oomEvents;
    into.pids = this.pidsCurrent ? singleNumber(this.pidsCurrent.read(), readLength) : NaN;
    if (this.blkio) readBlkioV1(this.blkio.read(), readLength, into);
    into.cpuLimitCores = this.cpuLimitCores;
    into.memLimit = this.memLimit;
    into.swapLimit = this.swapLimit;
    into.pidsLimit = this.pidsLimit;
  }
}
