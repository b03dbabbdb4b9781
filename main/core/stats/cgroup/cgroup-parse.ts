// Owns parsing the kernel's small text files (cgroup v1 and v2 counters, /proc/<pid>/net/dev) straight from
// the bytes read into a Buffer: no string is made, so reading dozens of files per tick allocates nothing.
import type { RawReading } from '../derive';

const NL = 10;
const SPACE = 32;
const TAB = 9;
const COLON = 58;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const M = 109; // "max" is how v2 (and pids.max on v1) writes "no limit"

/** Where the last numberAt() stopped; module state rather than a returned object, to stay allocation-free. */
export let numberEnd = 0;

function isBlank(byte: number): boolean {
  return byte === SPACE || byte === TAB;
}

/**
 * The number at `start` in buf[..end) after blanks: digits, an optional minus, or "max" (Infinity).
 * Sets `numberEnd` to the index after it. NaN when there is none.
 */
export function numberAt(buf: Buffer, start: number, end: number): number {
  let i = start;
  while (i < end && isBlank(buf[i])) i += 1;
  if (i < end && buf[i] === M && i + 2 < end && buf[i + 1] === 97 && buf[i + 2] === 120) {
    numberEnd = i + 3;
    return Infinity;
  }
  const negative = i < end && buf[i] === MINUS;
  if (negative) i += 1;
  const first = i;
  let value = 0;
  while (i < end && buf[i] >= ZERO && buf[i] <= NINE) {
    value = value * 10 + (buf[i] - ZERO);
    i += 1;
  }
  numberEnd = i;
  if (i === first) return NaN;
  return negative ? -value : value;
}

/** A file holding one number (`cpuacct.usage`, `memory.current`, `pids.max`...). */
export function singleNumber(buf: Buffer, len: number): number {
  return numberAt(buf, 0, len);
}

/**
 * Index of `key` in buf[from..end), or -1. Not Buffer.indexOf: it has no end and would scan the rest of the
 * shared read buffer (16 KiB or more, stale bytes of earlier files) every time a key is not found before `end`,
 * which made those scans most of a tick's CPU.
 */
export function indexIn(buf: Buffer, key: Buffer, from: number, end: number): number {
  const first = key[0];
  const last = end - key.length;
  search: for (let i = from; i <= last; i += 1) {
    if (buf[i] !== first) continue;
    for (let j = 1; j < key.length; j += 1) if (buf[i + j] !== key[j]) continue search;
    return i;
  }
  return -1;
}

/** Index of `byte` in buf[from..end), or -1 (bounded, as indexIn). */
function indexOfByte(buf: Buffer, byte: number, from: number, end: number): number {
  for (let i = from; i < end; i += 1) if (buf[i] === byte) return i;
  return -1;
}

/** Turns "name" into the bytes searched for in flat keyed files ("name value" lines). Made once per key. */
export function keyBytes(name: string): Buffer {
  return Buffer.from(`${name} `, 'latin1');
}

/** The value of `key` (from keyBytes) in a flat keyed file such as memory.stat or cpu.stat; NaN when absent. */
export function keyedNumber(buf: Buffer, len: number, key: Buffer): number {
  let at = indexIn(buf, key, 0, len);
  while (at >= 0) {
    // Only at a line start: "inactive_file " also occurs inside "total_inactive_file ".
    if (at === 0 || buf[at - 1] === NL) return numberAt(buf, at + key.length, len);
    at = indexIn(buf, key, at + 1, len);
  }
  return NaN;
}

/** Index after the next newline at or after `from`, or `len`. */
function nextLine(buf: Buffer, from: number, len: number): number {
  const at = indexOfByte(buf, NL, from, len);
  return at < 0 ? len : at + 1;
}

const READ = Buffer.from(' Read ', 'latin1');
const WRITE = Buffer.from(' Write ', 'latin1');

/** Sum of `key` occurrences (each followed by a number) in buf[..len). */
function sumAfter(buf: Buffer, len: number, key: Buffer): number {
  let total = 0;
  let at = indexIn(buf, key, 0, len);
  while (at >= 0) {
    const value = numberAt(buf, at + key.length, len);
    if (Number.isFinite(value)) total += value;
    at = indexIn(buf, key, at + key.length, len);
  }
  return total;
}

/** v1 `blkio.throttle.io_service_bytes`: "8:0 Read 4096" lines per device (and a "Total" line, not summed). */
export function readBlkioV1(buf: Buffer, len: number, into: RawReading): void {
  into.blkRead = sumAfter(buf, len, READ);
  into.blkWrite = sumAfter(buf, len, WRITE);
}

const RBYTES = Buffer.from(' rbytes=', 'latin1');
const WBYTES = Buffer.from(' wbytes=', 'latin1');

/** v2 `io.stat`: "8:0 rbytes=4096 wbytes=0 rios=1 wios=0 dbytes=0 dios=0" per device. */
export function readIoStatV2(buf: Buffer, len: number, into: RawReading): void {
  into.blkRead = sumAfter(buf, len, RBYTES);
  into.blkWrite = sumAfter(buf, len, WBYTES);
}

/**
 * `/proc/<pid>/net/dev`: two header lines, then "  eth0: rxBytes rxPackets ... (8 receive fields) txBytes ...".
 * Sums every interface but the loopback, as `docker stats` does over the container's networks.
 */
export function readNetDev(buf: Buffer, len: number, into: RawReading): void {
  let rx = 0;
  let tx = 0;
  let line = nextLine(buf, nextLine(buf, 0, len), len);
  while (line < len) {
    const end = nextLine(buf, line, len);
    const colon = indexOfByte(buf, COLON, line, end);
    if (colon > line) {
      let name = line;
      while (name < colon && isBlank(buf[name])) name += 1;
      const loopback = colon - name === 2 && buf[name] === 108 && buf[name + 1] === 111; // "lo"
      if (!loopback) {
        rx += numberAt(buf, colon + 1, end) || 0;
        // Skip the other seven receive fields to the first transmit field.
        for (let field = 0; field < 7; field += 1) numberAt(buf, numberEnd, end);
        tx += numberAt(buf, numberEnd, end) || 0;
      }
    }
    line = end;
  }
  into.netRx = rx;
  into.netTx = tx;
}

/** v2 `cpu.max`: "max 100000" (no limit) or "50000 100000" (quota and period in µs). Returns the two. */
export function readCpuMax(buf: Buffer, len: number): { quota: number; period: number } {
  const quota = numberAt(buf, 0, len);
  const period = numberAt(buf, numberEnd, len);
  return { quota, period };
}
