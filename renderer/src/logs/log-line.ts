// One log line as the renderer holds it, and the parsing of stream chunks into lines. The engine prefixes
// every line with its RFC 3339 timestamp (the core always asks for it); the text keeps its ANSI codes for the
// colours, and a plain copy (codes removed) is kept for search, copy and download.
import type { StreamChunk, StreamFd } from '@shared/stream-types';

export interface LogLine {
  /** Increasing in the order lines are shown; older pages get numbers below the first one. */
  seq: number;
  fd: StreamFd;
  /** The engine's timestamp, '' for Berth's own lines. */
  ts: string;
  /** The text with its ANSI codes, without the newline. */
  text: string;
  /** The text without ANSI codes. */
  plain: string;
}

// CSI sequences (colours, cursor moves) and OSC sequences (titles, links): what a terminal would not print.
// eslint-disable-next-line no-control-regex -- escape sequences are control characters by definition
const ansiPattern = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}) /;

export function stripAnsi(text: string): string {
  return text.indexOf('\u001b') === -1 ? text : text.replace(ansiPattern, '');
}

/** Turns stream chunks into lines, keeping each fd's unfinished last line until its newline arrives. */
export class LineParser {
  private readonly partial = new Map<StreamFd, string>();

  parse(chunks: StreamChunk[], nextSeq: () => number): LogLine[] {
    const lines: LogLine[] = [];
    for (const chunk of chunks) {
      const parts = ((this.partial.get(chunk.fd) ?? '') + chunk.text).split('\n');
      this.partial.set(chunk.fd, parts.pop() ?? '');
      for (const part of parts) lines.push(toLine(chunk.fd, part, nextSeq()));
    }
    return lines;
  }

  /** What is left without a newline, as lines (the stream ended). */
  flush(nextSeq: () => number): LogLine[] {
    const lines: LogLine[] = [];
    for (const [fd, text] of this.partial) if (text !== '') lines.push(toLine(fd, text, nextSeq()));
    this.partial.clear();
    return lines;
  }
}

export function toLine(fd: StreamFd, raw: string, seq: number): LogLine {
  const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const match = timestampPattern.exec(body);
  const ts = match ? match[0].slice(0, -1) : '';
  const text = match ? body.slice(match[0].length) : body;
  return { seq, fd, ts, text, plain: stripAnsi(text) };
}

/** A line's time as shown beside it: local date and time to the millisecond. */
export function formatLogTime(ts: string): string {
  if (!ts) return '';
  const date = new Date(ts);
  if (Number.isNaN(date.getTime())) return ts;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
  );
}

/** Lines as text for copy and download: plain, with their times when those are shown. */
export function linesToText(lines: readonly LogLine[], withTimes: boolean): string {
  let text = '';
  for (const line of lines) text += `${withTimes && line.ts ? `${line.ts} ` : ''}${line.plain}\n`;
  return text;
}
