// Follows a daemon's log file and hands its new lines on, tagged with their source. The daemons write to the
// file themselves (not to a pipe of Berth's) so that, when Berth crashes, they do not die of a broken pipe
// with their containers still running: a later Berth finds them through their pidfile and stops them cleanly.
// The file is also kept bounded while the daemon runs (a chatty engine running for weeks filled disks).
import { copyFile, open, rename, stat, truncate } from 'node:fs/promises';

const POLL_MS = 250;
const READ_CHUNK = 64 * 1024;
/** A log file over this size is moved aside as `<file>.1` before a start, and copied there while running. */
export const ROTATE_BYTES = 10 * 1024 * 1024;

export async function rotateIfLarge(file: string): Promise<void> {
  const size = await stat(file).then(
    (info) => info.size,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return 0;
      throw error;
    },
  );
  if (size > ROTATE_BYTES) await rename(file, `${file}.1`);
}

export async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

export class LogTail {
  private timer: NodeJS.Timeout | null = null;
  private partial = '';
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly source: string,
    private offset: number,
    private readonly onLines: (lines: string[]) => void,
    private readonly onError: (error: Error) => void,
    private readonly rotateBytes = ROTATE_BYTES,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), POLL_MS);
    // The tail must not keep a quitting Berth alive.
    this.timer.unref();
  }

  /** Reads what was written since the last read; also the final read after the daemon exits. */
  flush(): Promise<void> {
    this.reading = this.reading.then(() => this.readNew()).catch((error: Error) => this.onError(error));
    return this.reading;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    if (this.partial) this.onLines([`[${this.source}] ${this.partial}`]);
    this.partial = '';
  }

  private async readNew(): Promise<void> {
    const handle = await open(this.file, 'r');
    try {
      // Shorter than what was read: someone truncated it (or a rotation did); read it from the start.
      if ((await handle.stat()).size < this.offset) this.offset = 0;
      const buffer = Buffer.alloc(READ_CHUNK);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        const text = this.partial + buffer.subarray(0, bytesRead).toString('utf8');
        const lines = text.split('\n');
        this.partial = lines.pop() ?? '';
        const complete = lines.filter((line) => line.trim() !== '').map((line) => `[${this.source}] ${line}`);
        if (complete.length > 0) this.onLines(complete);
      }
    } finally {
      await handle.close();
    }
    if (this.offset > this.rotateBytes) await this.rotate();
  }

  /**
   * Copy and truncate, not rename: the daemon keeps writing through its own descriptor, opened for appending,
   * so after the truncation its next line lands at the start of the same file. What it writes between the
   * copy and the truncation (microseconds) is lost, which a bounded disk is worth.
   */
  private async rotate(): Promise<void> {
    await copyFile(this.file, `${this.file}.1`);
    await truncate(this.file, 0);
    this.offset = 0;
  }
}
