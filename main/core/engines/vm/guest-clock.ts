// The guest's wall clock kept to the host's: set at once after a resume (the saved guest woke up with the time
// it was saved at), and again when the host's own clock jumped while the VM ran (the host slept: its
// monotonic clock stood still while the wall clock did not, and the paused guest is as far behind).
import type { Client } from 'ssh2';
import { execInGuest } from './guest-exec';

const CLOCK_DEADLINE_MS = 10_000;
export const CLOCK_CHECK_MS = 5_000;
export const CLOCK_JUMP_MS = 2_000;

/**
 * Sets the guest's clock to the host's over SSH and says how far off it then is (ms, guest minus host; the
 * host's time taken halfway through the reading's round trip). The command's start-up under emulation is
 * what costs time, so the host time is written as late as possible and read back in the same command.
 */
export async function setGuestClock(ssh: Client): Promise<{ errorMs: number }> {
  const sentAt = Date.now();
  const output = await execInGuest(
    ssh,
    `date -u -s @${(Date.now() / 1000).toFixed(3)} >/dev/null && date +%s.%N`,
    CLOCK_DEADLINE_MS,
  );
  const receivedAt = Date.now();
  if (output.code !== 0) throw new Error(`date -s failed in the guest: ${output.stderr || `exit code ${output.code}`}`);
  const guestMs = Number(output.stdout.trim()) * 1000;
  if (!Number.isFinite(guestMs)) throw new Error(`the guest's date printed ${output.stdout.trim().slice(0, 40)}`);
  return { errorMs: Math.round(guestMs - (sentAt + receivedAt) / 2) };
}

export interface ClockJumpOptions {
  /** Called with how far the wall clock moved beyond the monotonic one (ms; negative: set back). */
  jumped(byMs: number): void;
  now?: () => number;
  monotonic?: () => number;
  everyMs?: number;
  thresholdMs?: number;
}

/** Compares the host's wall clock with its monotonic clock every few seconds; a gap of 2 s or more is a jump. */
export class ClockJumpWatch {
  private readonly now: () => number;
  private readonly monotonic: () => number;
  private last: { wall: number; mono: number };
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ClockJumpOptions) {
    this.now = options.now ?? Date.now;
    this.monotonic = options.monotonic ?? (() => performance.now());
    this.last = { wall: this.now(), mono: this.monotonic() };
  }

  start(): this {
    this.timer = setInterval(() => this.check(), this.options.everyMs ?? CLOCK_CHECK_MS);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One comparison (the timer's; tests call it): the jump since the last one, or null when there was none. */
  check(): number | null {
    const current = { wall: this.now(), mono: this.monotonic() };
    const gap = current.wall - this.last.wall - (current.mono - this.last.mono);
    this.last = current;
    if (Math.abs(gap) < (this.options.thresholdMs ?? CLOCK_JUMP_MS)) return null;
    this.options.jumped(gap);
    return gap;
  }
}
