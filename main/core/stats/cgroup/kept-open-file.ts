// Owns reading kernel counter files cheaply: each file is opened once and re-read from offset 0 every tick into
// one shared Buffer (cgroup and /proc files regenerate their text on every read, so values stay fresh). That is
// about ten times cheaper than readFileSync (open + fstat + read + close) and allocates nothing.
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Shared by every file: reads are synchronous and each caller parses before the next read. It grows when a
 * file does not fit, so callers take the buffer a read returns rather than keeping an older reference.
 */
let scratch = Buffer.allocUnsafe(16 * 1024);

/** Length of the text the last read() or readOnce() put in the shared buffer. */
export let readLength = 0;

function fill(fd: number): Buffer {
  for (;;) {
    // One pread returns the whole text of these small files; a full buffer means it may not have.
    readLength = readSync(fd, scratch, 0, scratch.length, 0);
    if (readLength < scratch.length) return scratch;
    scratch = Buffer.allocUnsafe(scratch.length * 2);
  }
}

/** errno codes meaning the file's object is gone: the cgroup was removed (ENODEV) or the process exited. */
const goneCodes = new Set(['ENOENT', 'ENODEV', 'ESRCH']);

export function isGoneError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && goneCodes.has(code);
}

export class KeptOpenFile {
  private fd: number;

  /** Throws as openSync does (ENOENT when the file does not exist). */
  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  /** Null when the file does not exist (a controller or an accounting option this kernel lacks). */
  static optional(path: string): KeptOpenFile | null {
    try {
      return new KeptOpenFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /**
   * Reads the file again; returns the shared buffer holding its text, whose length is then `readLength`
   * (arguments evaluate left to right, so `parse(file.read(), readLength)` sees both of this read).
   * Throws once the object is gone.
   */
  read(): Buffer {
    if (this.fd < 0) throw Object.assign(new Error(`${this.path} is closed`), { code: 'EBADF' });
    return fill(this.fd);
  }

  close(): void {
    if (this.fd < 0) return;
    const fd = this.fd;
    this.fd = -1;
    closeSync(fd);
  }
}

/**
 * Reads a file once (limits, read at open and after the engine's `update` event) into the shared buffer,
 * which it returns (length in `readLength`), or null when the file does not exist.
 */
export function readOnce(path: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return fill(fd);
  } finally {
    closeSync(fd);
  }
}
