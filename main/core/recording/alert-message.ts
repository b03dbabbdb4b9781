// An alert in words, with the container's name and the thresholds from Settings: "web has used over 90 % of
// its 256 MiB memory limit for 30 s". Units as the rest of Berth shows them: MiB/GiB, cores, %.
import type { StatsAlertSettings } from '../../shared/stats-history-types';
import type { Firing } from './alert-rules';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

function trimmed(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
}

export function formatLimitBytes(bytes: number): string {
  return bytes >= GiB ? `${trimmed(bytes / GiB)} GiB` : `${trimmed(bytes / MiB)} MiB`;
}

/** Whole minutes read as minutes ("2 min"); anything else in seconds ("90 s"). */
export function formatHeldFor(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

export function alertMessage(name: string, firing: Firing, settings: StatsAlertSettings): string {
  switch (firing.condition) {
    case 'memory': {
      const limit = firing.limit === null ? 'memory limit' : `${formatLimitBytes(firing.limit)} memory limit`;
      return `${name} has used over ${settings.memoryPercent} % of its ${limit} for ${formatHeldFor(settings.memorySeconds)}`;
    }
    case 'throttled': {
      const cores = firing.limit;
      const limit = cores === null ? '' : ` by its limit of ${trimmed(cores)} ${cores === 1 ? 'core' : 'cores'}`;
      return `${name} has been CPU-throttled${limit} in over ${settings.throttledPercent} % of scheduler periods for ${formatHeldFor(settings.throttledSeconds)}`;
    }
    case 'oom': {
      return firing.limit === null
        ? `${name} was OOM-killed: a process in it ran out of memory`
        : `${name} was OOM-killed: a process in it went over its ${formatLimitBytes(firing.limit)} memory limit`;
    }
  }
}
