// Finds where an HTTP/1.1 chunked request body ends (RFC 9112 §7.1), fed the bytes as they come: the docker
// CLI's proxy must know where one request ends to read the next one's head on a kept-alive connection. It
// also collects the decoded data when asked (a create request's JSON), and never changes a byte it is given.

const MAX_LINE = 4096;

type State = 'size' | 'data' | 'data-end' | 'trailer' | 'done';

export class ChunkedBody {
  private state: State = 'size';
  private line = '';
  private left = 0;
  private readonly data: Buffer[] = [];

  constructor(private readonly keepData: boolean) {}

  get done(): boolean {
    return this.state === 'done';
  }

  /** The decoded body so far (only when constructed with keepData). */
  decoded(): Buffer {
    return Buffer.concat(this.data);
  }

  /** How many bytes from `start` of `chunk` belong to the body; throws on framing it cannot follow. */
  consume(chunk: Buffer, start = 0): number {
    let at = start;
    while (at < chunk.length && this.state !== 'done') {
      if (this.state === 'data') {
        const take = Math.min(this.left, chunk.length - at);
        if (this.keepData) this.data.push(chunk.subarray(at, at + take));
        this.left -= take;
        at += take;
        if (this.left === 0) this.state = 'data-end';
        continue;
      }
      const byte = chunk[at++];
      if (byte !== 0x0a) {
        if (byte !== 0x0d) this.line += String.fromCharCode(byte);
        if (this.line.length > MAX_LINE) throw new Error('a chunk line longer than 4 KiB');
        continue;
      }
      this.endOfLine();
    }
    return at - start;
  }

  private endOfLine(): void {
    const line = this.line;
    this.line = '';
    if (this.state === 'size') {
      const size = Number.parseInt(line.split(';')[0].trim(), 16);
      if (!Number.isSafeInteger(size) || size < 0 || !/^[0-9a-fA-F]+/.test(line.trim()))
        throw new Error(`a chunk size that is not hexadecimal: ${JSON.stringify(line.slice(0, 40))}`);
      this.left = size;
      this.state = size === 0 ? 'trailer' : 'data';
    } else if (this.state === 'data-end') {
      if (line !== '') throw new Error('chunk data longer than its size');
      this.state = 'size';
    } else if (this.state === 'trailer' && line === '') {
      this.state = 'done';
    }
  }
}
