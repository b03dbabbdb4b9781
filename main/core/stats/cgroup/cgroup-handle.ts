// Owns what both cgroup versions share when collecting one container from its files: the kept-open files and
// closing them, turning a failed read into the end of the series (said once, never logged per tick), the
// network counters of the init process's namespace, and counting the engine's OOM events where the kernel
// keeps no counter.
import { ReadStatus, type StatsHandle } from '../collector';
import type { RawReading } from '../derive';
import { readNetDev } from './cgroup-parse';
import { isGoneError, KeptOpenFile, readLength } from './kept-open-file';

export abstract class CgroupHandle implements StatsHandle {
  goneReason = '';
  private readonly files: KeptOpenFile[] = [];
  private readonly netDev: KeptOpenFile | null;
  /** OOM events the engine reported, for kernels whose cgroup has no oom_kill counter. */
  protected oomEvents = 0;

  /** Opens `/proc/<pid>/net/dev` unless the container uses the host's network (no counters of its own). */
  constructor(procRoot: string, pid: number, hostNetwork: boolean) {
    this.netDev = hostNetwork ? null : this.keep(`${procRoot}/${pid}/net/dev`);
  }

  read(into: RawReading): ReadStatus {
    if (this.goneReason) return ReadStatus.Gone;
    try {
      into.at = performance.now();
      this.readCounters(into);
      if (this.netDev) readNetDev(this.netDev.read(), readLength, into);
      else into.netRx = into.netTx = NaN;
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
    try {
      this.readLimits();
    } catch (error) {
      // A container removed right after its update: the next read ends the series with the reason.
      if (!isGoneError(error)) throw error;
    }
  }

  oomReported(): void {
    this.oomEvents += 1;
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

  /** Reads every per-tick counter of this version into the reading. */
  protected abstract readCounters(into: RawReading): void;

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
