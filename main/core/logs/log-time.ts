// Log timestamps between the renderer and the engine: a line's RFC 3339 timestamp (nanoseconds) turned into
// the `until` the engine takes ("<seconds>.<nine digits>"), one nanosecond earlier, because the engine's
// `until` keeps lines written at exactly that time and a page of older lines must not repeat the oldest one.
import { BerthError } from '../../shared/errors';

const timestamp = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

export function untilJustBefore(rfc3339: string): string {
  const match = timestamp.exec(rfc3339);
  const ms = match ? Date.parse(`${match[1]}${match[3]}`) : Number.NaN;
  if (!match || Number.isNaN(ms)) throw new BerthError('INVALID_PAYLOAD', `${rfc3339} is not a log line's timestamp.`);
  const nanos = BigInt(ms) * 1_000_000n + BigInt((match[2] ?? '').padEnd(9, '0')) - 1n;
  if (nanos < 0n) return '0.000000000';
  return `${nanos / 1_000_000_000n}.${(nanos % 1_000_000_000n).toString().padStart(9, '0')}`;
}
