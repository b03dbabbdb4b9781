// Owns what both cgroup versions share when collecting one container from its files: the kept-open files and
// closing them, turning a failed read into the end of the series (said once, never logged per tick), the
// network counters of the init process's namespace, counting the engine's OOM events where the kernel
// keeps no counter, and carrying the other counters of a container whose CPU time did not move.
import { ReadStatus, type StatsHandle } from '../collector';
import { RawReading } from '../derive';
import { readNetDev } from './cgroup-parse';
import { isGoneError, KeptOpenFile, readLength } from './kept-open-file';

export abstract class CgroupHandle implements StatsHandle {
  goneReason = '';
  private readonly files: KeptOpenFile[] = [];
  private readonly netDev: KeptOpenFile | null;
  /** OOM events the engine reported, for kernels whose cgroup has no oom_kill counter. */
  protected oomEvents = 0;
  /** The last full read: what a read that only looked at the CPU time carries over. */
  private readonly lastFull = new RawReading();
  /** When the last full read was (performance.now()); -Infinity forces the next read to be full. */
  private lastFullAt = -Infinity;

  /** Opens `/proc/<pid>/net/dev` unless the container uses the host's network (no counters of its own). */
  constructor(procRoot: string, pid: number, hostNetwork: boolean) {
    this.netDev = hostNetwork ? null : this.keep(`${procRoot}/${pid}/net/dev`);
  }

  /**
   * Reads the CPU time first; when it has not moved since the last read and the last full read is less than
   * `carryMs` old, the other counters are carried over from that read rather than read again. A container whose
   * CPU time did not move did not run: its memory, pids, I/O and network move only by the kernel's own doing
   * (reclaim, writeback, packets nobody reads), which the next full read, at most `carryMs` later, shows. Idle
   * containers cost one file a tick instead of eight, the largest part of recording them (cAdvisor's dynamic
   * housekeeping backs off the same way). 0 reads everything.
   */
  read(into: RawReading, carryMs = 0): ReadStatus {
    if (this.goneReason) return ReadStatus.Gone;
    try {
      const at = performance.now();
      this.readCpu(into);
      if (into.cpuNs === this.lastFull.cpuNs && at - this.lastFullAt < carryMs) {
        into.copyFrom(this.lastFull);
        into.at = at;
        return ReadStatus.Fresh;
      }
      into.at = into.countersAt = at;
      this.readOthers(into);
      if (this.netDev) readNetDev(this.netDev.read(), readLength, into);
      else into.netRx = into.netTx = NaN;
      this.lastFull.copyFrom(into);
      this.lastFullAt = at;
      return ReadStatus.Fresh;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code ?? String(error);
      this.goneReason = isGoneError(error)
        ? 'the container stopped (its cgroup is gone)'
        : `its cgroup files could not be read (${code})`;
      this.close();
      return ReadStatus.Gone;
    }
  }

  limitsChanged(): void {
    if (this.goneReason) return;
    this.lastFullAt = -Infinity;
    try {
      this.readLimits();
    } catch (error) {
      // A container removed right after its update: the next read ends the series with the reason.
      if (!isGoneError(error)) throw error;
    }
  }

  oomReported(): void {
    this.oomEvents += 1;
    this.lastFullAt = -Infinity;
  }

  close(): void {
    const failures: unknown[] = [];
    for (const file of this.files.splice(0)) {
      try {
        file.close();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `closing ${failures.length} cgroup file(s) failed`);
  }

  /** Reads the container's cumulative CPU time (and what shares its file) into the reading. */
  protected abstract readCpu(into: RawReading): void;

  /** Reads every other per-tick counter of this version, and the limits, into the reading. */
  protected abstract readOthers(into: RawReading): void;

  /** Reads the limits (on open and after the engine's `update` event, not every tick: they change only then). */
  protected abstract readLimits(): void;

  /** Opens a file to read every tick; closed with the handle. */
  protected keep(path: string): KeptOpenFile {
    const file = new KeptOpenFile(path);
    this.files.push(file);
    return file;
  }

  /** As keep(), or null when this kernel does not have that file. */
  protected keepOptional(path: string | null): KeptOpenFile | null {
    if (path === null) return null;
    const file = KeptOpenFile.optional(path);
    if (file) this.files.push(file);
    return file;
  }

  /** Constructors of subclasses call this last, so a failed open leaves no file open behind. */
  protected opened(open: () => void): void {
    try {
      open();
    } catch (error) {
      try {
        this.close();
      } catch (closeError) {
        throw new AggregateError([error, closeError], 'opening cgroup files failed, and closing them too');
      }
      throw error;
    }
  }
}
