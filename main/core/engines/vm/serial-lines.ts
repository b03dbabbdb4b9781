// Reads the guest's serial console as it arrives: splits it into lines and recognises the lines the guest's
// init prints for the host (guest-protocol.ts): a boot phase with the guest's uptime, and the SSH host key
// (the console is the trusted channel that key is pinned from), and the kernel's report of a stalled CPU.
// Pure, so tests feed it console text.
import { bootPhases, HOSTKEY_MARKER, PHASE_MARKER, POWEROFF_PHASE, type GuestBootPhase } from './guest-protocol';

export type SerialEvent =
  | { type: 'phase'; phase: GuestBootPhase | typeof POWEROFF_PHASE; uptimeS: number | null }
  | { type: 'hostkey'; keyType: string; key: string }
  /** The guest kernel found a CPU that made no progress for ~21 s (RCU stall detector, soft-lockup watchdog). */
  | { type: 'stall'; line: string };

const knownPhases: string[] = [...bootPhases, POWEROFF_PHASE];
// "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:", "rcu: INFO: rcu_sched self-detected stall on CPU",
// "watchdog: BUG: soft lockup - CPU#0 stuck for 23s!". Printed even with `quiet` (KERN_ERR and above).
const stallPattern = /rcu: INFO: rcu_\w+ (?:detected stalls|self-detected stall)|BUG: soft lockup - CPU#\d+ stuck/;

export function parseSerialLine(raw: string): SerialEvent | null {
  // The marker may follow kernel output that had no newline yet, so look for it anywhere in the line.
  const line = raw.replace(/\r/g, '');
  const phase = line.match(new RegExp(`${PHASE_MARKER} ([a-z]+)(?: ([0-9]+(?:\\.[0-9]+)?))?`));
  if (phase && knownPhases.includes(phase[1])) {
    return {
      type: 'phase',
      phase: phase[1] as GuestBootPhase,
      uptimeS: phase[2] === undefined ? null : Number(phase[2]),
    };
  }
  const hostKey = line.match(new RegExp(`${HOSTKEY_MARKER} ([a-z0-9@.-]+) ([A-Za-z0-9+/]+={0,3})`));
  if (hostKey) return { type: 'hostkey', keyType: hostKey[1], key: hostKey[2] };
  if (stallPattern.test(line)) return { type: 'stall', line: line.trim() };
  return null;
}

/** Splits a byte stream into lines (console output arrives in arbitrary chunks). */
export class LineSplitter {
  private rest = '';

  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const lines = text.split('\n');
    this.rest = lines.pop() ?? '';
    // A console line that never ends (a spinner, a crash) must not grow without bound.
    if (this.rest.length > 8192) {
      lines.push(this.rest);
      this.rest = '';
    }
    return lines.map((line) => line.replace(/\r$/, ''));
  }

  flush(): string[] {
    const rest = this.rest;
    this.rest = '';
    return rest ? [rest] : [];
  }
}
