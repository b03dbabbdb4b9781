// One running QEMU: spawned with its serial console on stdout (read live, line by line, each recognised line
// stamped with the host time since QEMU started), its exit watched, and stopped like a power button (QMP
// system_powerdown), killed when the guest does not go down by the deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import { qmpCommand } from './qmp-client';
import { LineSplitter, parseSerialLine, type SerialEvent } from './serial-lines';

export interface QemuExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface QemuProcessOptions {
  binary: string;
  args: string[];
  qmpSocket: string;
  /** Every console line as it arrives. */
  onLine(line: string): void;
  /** A recognised line, with the host ms since spawn. */
  onEvent(event: SerialEvent, atMs: number): void;
}

export class QemuProcess {
  readonly startedAt = Date.now();
  readonly exited: Promise<QemuExit>;
  private readonly child: ChildProcess;
  private exit: QemuExit | null = null;
  private stderr = '';

  constructor(private readonly options: QemuProcessOptions) {
    // Its own process group: a Ctrl-C meant for Berth must not reach QEMU, which would end the guest at once
    // (a pulled plug); Berth powers it down cleanly when it quits.
    this.child = spawn(options.binary, options.args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const splitter = new LineSplitter();
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.lines(splitter.push(chunk)));
    this.child.stderr
      ?.setEncoding('utf8')
      .on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-4000)));
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.stderr += `\n${error.message}`;
        this.exit = { code: null, signal: null };
        resolve(this.exit);
      });
      this.child.once('exit', (code, signal) => {
        this.lines(splitter.flush());
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === null;
  }

  /** What QEMU itself said on stderr (a refused accelerator, a bad option). */
  errorOutput(): string {
    return this.stderr.trim();
  }

  /** ACPI power button through QMP; SIGKILL when the guest is not down by the deadline. Resolves once QEMU exited. */
  async powerDown(deadlineMs: number, note: (line: string) => void): Promise<QemuExit> {
    if (this.exit) return this.exit;
    try {
      await qmpCommand(this.options.qmpSocket, 'system_powerdown');
    } catch (error) {
      note(`[vm] could not ask the guest to power down over QMP (${(error as Error).message}): stopping QEMU`);
      this.child.kill('SIGTERM');
    }
    const timer = setTimeout(() => {
      note(`[vm] the guest did not power down within ${deadlineMs / 1000} s: killing QEMU`);
      this.child.kill('SIGKILL');
    }, deadlineMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  kill(): Promise<QemuExit> {
    if (this.exit) return Promise.resolve(this.exit);
    this.child.kill('SIGKILL');
    return this.exited;
  }

  private lines(lines: string[]): void {
    for (const line of lines) {
      this.options.onLine(line);
      const event = parseSerialLine(line);
      if (event) this.options.onEvent(event, Date.now() - this.startedAt);
    }
  }
}
