// Splits demultiplexed log output into whole lines per fd, and joins lines back into stream chunks. A TTY
// container's output arrives as raw chunks that may end mid-line; a non-TTY one as one frame per line.
import { StringDecoder } from 'node:string_decoder';
import type { StreamChunk, StreamFd } from '../../shared/stream-types';

export interface LogLine {
  fd: StreamFd;
  /** The line with its newline. */
  text: string;
}

/** Keeps the partial last line of each fd until its newline arrives. */
export class LineSplitter {
  private readonly partial = new Map<StreamFd, string>();
  private readonly decoders = new Map<StreamFd, StringDecoder>();

  constructor(private readonly onLine: (line: LogLine) => void) {}

  push(fd: StreamFd, data: Buffer): void {
    let decoder = this.decoders.get(fd);
    if (!decoder) this.decoders.set(fd, (decoder = new StringDecoder('utf8')));
    let text = (this.partial.get(fd) ?? '') + decoder.write(data);
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      this.onLine({ fd, text: text.slice(0, newline + 1) });
      text = text.slice(newline + 1);
      newline = text.indexOf('\n');
    }
    this.partial.set(fd, text);
  }

  /** Hands over what is left without a newline (the stream ended mid-line). */
  flush(): void {
    for (const [fd, text] of this.partial) if (text !== '') this.onLine({ fd, text: `${text}\n` });
    this.partial.clear();
  }
}

/** Consecutive lines of one fd joined into one chunk, in order. */
export function toChunks(lines: Iterable<LogLine>): StreamChunk[] {
  const chunks: StreamChunk[] = [];
  for (const line of lines) {
    const last = chunks.at(-1);
    if (last && last.fd === line.fd) last.text += line.text;
    else chunks.push({ fd: line.fd, text: line.text });
  }
  return chunks;
}

/** The last `size` lines pushed: memory stays bounded however many lines pass through. */
export class LineRing {
  private readonly lines: LogLine[] = [];
  private start = 0;
  total = 0;

  constructor(private readonly size: number) {}

  push(line: LogLine): void {
    this.total += 1;
    if (this.lines.length < this.size) this.lines.push(line);
    else {
      this.lines[this.start] = line;
      this.start = (this.start + 1) % this.size;
    }
  }

  toArray(): LogLine[] {
    return [...this.lines.slice(this.start), ...this.lines.slice(0, this.start)];
  }
}
