// Owns collecting one container from its cgroup v2 directory (one unified hierarchy). Per tick: cpu.stat,
// memory.current, memory.stat, memory.events, pids.current, io.stat and net/dev (those after cpu.stat only when
// the CPU time moved, or every few seconds), all kept open.
import { join } from 'node:path';
import { CgroupHandle } from './cgroup-handle';
import { keyBytes, keyedNumber, readCpuMax, readIoStatV2, singleNumber } from './cgroup-parse';
import { cpuLimitFromQuota, type RawReading } from '../derive';
import { readLength, readOnce, type KeptOpenFile } from './kept-open-file';

const USAGE_USEC = keyBytes('usage_usec');
const NR_PERIODS = keyBytes('nr_periods');
const NR_THROTTLED = keyBytes('nr_throttled');
const INACTIVE_FILE = keyBytes('inactive_file');
const OOM_KILL = keyBytes('oom_kill');

/** A single-number file read once ("max" reads as Infinity); NaN when it does not exist. */
function numberFile(path: string): number {
  const text = readOnce(path);
  return text === null ? NaN : singleNumber(text, readLength);
}

export class CgroupV2Handle extends CgroupHandle {
  private cpuStat!: KeptOpenFile;
  private memCurrent!: KeptOpenFile;
  private memStat!: KeptOpenFile | null;
  private memEvents!: KeptOpenFile | null;
  private pidsCurrent!: KeptOpenFile | null;
  private ioStat!: KeptOpenFile | null;
  private cpuLimitCores = NaN;
  private memLimit = NaN;
  private swapLimit = NaN;
  private pidsLimit = NaN;

  constructor(
    private readonly dir: string,
    procRoot: string,
    pid: number,
    hostNetwork: boolean,
  ) {
    super(procRoot, pid, hostNetwork);
    this.opened(() => {
      this.cpuStat = this.keep(join(dir, 'cpu.stat'));
      this.memCurrent = this.keep(join(dir, 'memory.current'));
      this.memStat = this.keepOptional(join(dir, 'memory.stat'));
      this.memEvents = this.keepOptional(join(dir, 'memory.events'));
      // Controllers the parent did not delegate (pids, io) have no files here: those values stay unknown.
      this.pidsCurrent = this.keepOptional(join(dir, 'pids.current'));
      this.ioStat = this.keepOptional(join(dir, 'io.stat'));
      this.readLimits();
    });
  }

  protected readLimits(): void {
    const cpuMaxText = readOnce(join(this.dir, 'cpu.max'));
    const cpuMax = cpuMaxText === null ? null : readCpuMax(cpuMaxText, readLength);
    this.cpuLimitCores = cpuMax ? cpuLimitFromQuota(cpuMax.quota, cpuMax.period) : NaN;
    this.memLimit = numberFile(join(this.dir, 'memory.max'));
    // v2 limits swap alone; the row (like docker's MemorySwap) shows memory + swap, known only when both are.
    const swapMax = numberFile(join(this.dir, 'memory.swap.max'));
    this.swapLimit = Number.isFinite(this.memLimit) && Number.isFinite(swapMax) ? this.memLimit + swapMax : NaN;
    this.pidsLimit = numberFile(join(this.dir, 'pids.max'));
  }

  protected readCpu(into: RawReading): void {
    // cpu.stat first: once the cgroup is removed it fails at once and nothing else is read.
    const cpuStat = this.cpuStat.read();
    into.cpuNs = keyedNumber(cpuStat, readLength, USAGE_USEC) * 1000;
    into.periods = keyedNumber(cpuStat, readLength, NR_PERIODS);
    into.throttledPeriods = keyedNumber(cpuStat, readLength, NR_THROTTLED);
  }

  protected readOthers(into: RawReading): void {
    into.memUsage = singleNumber(this.memCurrent.read(), readLength);
    into.memInactiveFile = this.memStat ? keyedNumber(this.memStat.read(), readLength, INACTIVE_FILE) : NaN;
    const kills = this.memEvents ? keyedNumber(this.memEvents.read(), readLength, OOM_KILL) : NaN;
    into.oomKills = Number.isFinite(kills) ? kills : this.oomEvents;
    into.pids = this.pidsCurrent ? singleNumber(this.pidsCurrent.read(), readLength) : NaN;
    if (this.ioStat) readIoStatV2(this.ioStat.read(), readLength, into);
    into.cpuLimitCores = this.cpuLimitCores;
    into.memLimit = this.memLimit;
    into.swapLimit = this.swapLimit;
    into.pidsLimit = this.pidsLimit;
  }
}
