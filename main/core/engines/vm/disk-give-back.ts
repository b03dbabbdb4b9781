// A running VM's data disk given back to the host: the engine events that free space (a container, image or
// volume removed, a prune) schedule a trim, a timer trims hourly, and Compact trims at once and measures the data
// disk file's allocated size around it, so the user sees what the host got back.
import type { VmCompactResult } from '../../../shared/engine-manager-types';
import type { EngineEvent } from '../../connection/engine-event';
import { TrimSchedule, type TrimTiming } from './trim-schedule';
import { allocatedBytes } from './vm-host-usage';

/** Engine events after which the data filesystem has blocks to give back. */
export function freesDiskSpace(event: Pick<EngineEvent, 'Type' | 'Action'>): boolean {
  if (event.Action === 'prune') return true;
  return (
    (event.Type === 'container' && event.Action === 'destroy') ||
    (event.Type === 'image' && event.Action === 'delete') ||
    (event.Type === 'volume' && event.Action === 'destroy')
  );
}

export interface DiskGiveBackOptions {
  /** Trims in the guest; the bytes fstrim discarded. */
  trim: () => Promise<number>;
  dataDisk: string;
  note: (line: string) => void;
  timing?: TrimTiming;
}

export class DiskGiveBack {
  private readonly schedule: TrimSchedule<VmCompactResult>;

  constructor(private readonly options: DiskGiveBackOptions) {
    this.schedule = new TrimSchedule({
      trim: () => this.measuredTrim(),
      failed: (error) => options.note(`[vm] trimming the data disk failed: ${error.message}`),
      timing: options.timing,
    });
  }

  engineEvent(event: EngineEvent): void {
    if (freesDiskSpace(event)) this.schedule.poke();
  }

  /** Trims now and says how much the disk file shrank. */
  compact(): Promise<VmCompactResult> {
    return this.schedule.trimNow();
  }

  dispose(): void {
    this.schedule.dispose();
  }

  private async measuredTrim(): Promise<VmCompactResult> {
    const beforeBytes = (await allocatedBytes(this.options.dataDisk)) ?? 0;
    const trimmedBytes = await this.options.trim();
    const afterBytes = (await allocatedBytes(this.options.dataDisk)) ?? 0;
    const result = { trimmedBytes, beforeBytes, afterBytes, shrunkBytes: Math.max(0, beforeBytes - afterBytes) };
    this.options.note(
      `[vm] data disk trimmed: ${mib(trimmedBytes)} discarded in the guest; the disk file ${mib(beforeBytes)} → ${mib(afterBytes)}`,
    );
    return result;
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
