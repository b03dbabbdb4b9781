// Splits a streamed HTTP body of newline-delimited JSON (the engine's event stream) into values. Chunks may end
// mid-line or even mid-character, so text is decoded and buffered until a newline completes each line.
import { StringDecoder } from 'node:string_decoder';
import { errorMessage } from '../../shared/error-message.js';

export interface JsonLinesHandlers {
  value(value: unknown): void;
  /** A line that is not JSON, or is too long; the stream carries on with the next line. */
  badLine?(line: string, reason: string): void;
}

/** A line longer than this is garbage rather than an event; it is dropped instead of growing without bound. */
const defaultMaxLineChars = 1024 * 1024;

export class JsonLinesSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private buffer = '';
  private discarding = false;

  constructor(
    private readonly handlers: JsonLinesHandlers,
    private readonly maxLineChars = defaultMaxLineChars,
  ) {}

  push(chunk: Buffer | string): void {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      if (this.discarding) this.discarding = false;
      else this.emit(line);
      newline = this.buffer.indexOf('\n');
    }
    if (this.buffer.length > this.maxLineChars) {
      this.handlers.badLine?.(this.buffer.slice(0, 200), `line longer than ${this.maxLineChars} characters, dropped`);
      this.buffer = '';
      this.discarding = true;
    }
  }

  /** The stream ended: a last line without a trailing newline still counts. */
  end(): void {
    this.buffer += this.decoder.end();
    const rest = this.buffer;
    this.buffer = '';
    if (!this.discarding) this.emit(rest);
    this.discarding = false;
  }

  private emit(line: string): void {
    const trimmed = line.trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      this.handlers.badLine?.(trimmed.slice(0, 200), errorMessage(error));
      return;
    }
    this.handlers.value(value);
  }
}
