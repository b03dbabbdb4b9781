// Reads OpenSSH known_hosts text and answers "is this the key we know for host:port?" the way `ssh` does:
// plain and hashed (`|1|salt|hash`) host fields, `[host]:port` for ports other than 22, wildcard and negated
// patterns, `@revoked` lines. Pure over the file's text, so tests feed it fixtures.
import { createHmac } from 'node:crypto';

export interface KnownHostEntry {
  /** 1-based, as editors and `ssh-keygen -R` messages show it. */
  line: number;
  marker: '@revoked' | '@cert-authority' | null;
  /** The host field as written: comma-separated patterns, or one `|1|salt|hash`. */
  hosts: string;
  keyType: string;
  /** The key blob, base64 as in the file. */
  key: string;
}

export type HostKeyLookup =
  | { state: 'known'; line: number }
  /** known_hosts holds another key of this type for the host (or lists this key as revoked). */
  | { state: 'mismatch'; line: number; revoked: boolean }
  /** Nothing for this key type; `otherTypes` are the types it does know for the host, if any. */
  | { state: 'unknown'; otherTypes: string[] };

/** The name ssh looks up: `host` on port 22, `[host]:port` otherwise. */
export function hostToken(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/\s+/);
    let marker: KnownHostEntry['marker'] = null;
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority')
      marker = fields.shift() as KnownHostEntry['marker'];
    // A line ssh itself would skip (too few fields) is skipped here too rather than failing the whole file.
    if (fields.length < 3) return;
    entries.push({ line: index + 1, marker, hosts: fields[0], keyType: fields[1], key: fields[2] });
  });
  return entries;
}

function hashedMatches(field: string, token: string): boolean {
  const [, kind, salt, hash] = field.split('|');
  if (kind !== '1' || !salt || !hash) return false;
  const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(token).digest('base64');
  return digest === hash;
}

function patternMatches(pattern: string, token: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return regex.test(token);
}

/** Whether an entry's host field names this token (ssh's rule: any positive pattern, and no negated one). */
export function entryMatches(entry: Pick<KnownHostEntry, 'hosts'>, token: string): boolean {
  if (entry.hosts.startsWith('|')) return hashedMatches(entry.hosts, token);
  let matched = false;
  for (const pattern of entry.hosts.split(',')) {
    if (pattern.startsWith('!')) {
      if (patternMatches(pattern.slice(1), token)) return false;
    } else if (patternMatches(pattern, token)) {
      matched = true;
    }
  }
  return matched;
}

/** The entries for host:port that Berth can check a plain host key against (no CA lines: ssh2 has no certificates). */
export function entriesFor(text: string, host: string, port: number): KnownHostEntry[] {
  const token = hostToken(host, port);
  return parseKnownHosts(text).filter((entry) => entry.marker !== '@cert-authority' && entryMatches(entry, token));
}

export function lookupHostKey(
  text: string,
  host: string,
  port: number,
  offered: { keyType: string; key: string },
): HostKeyLookup {
  const entries = entriesFor(text, host, port);
  const revoked = entries.find((entry) => entry.marker === '@revoked' && entry.key === offered.key);
  if (revoked) return { state: 'mismatch', line: revoked.line, revoked: true };
  const sameType = entries.filter((entry) => entry.marker === null && entry.keyType === offered.keyType);
  const equal = sameType.find((entry) => entry.key === offered.key);
  if (equal) return { state: 'known', line: equal.line };
  if (sameType.length > 0) return { state: 'mismatch', line: sameType[0].line, revoked: false };
  const otherTypes = [...new Set(entries.filter((entry) => entry.marker === null).map((entry) => entry.keyType))];
  return { state: 'unknown', otherTypes };
}

/** The line ssh would add (unhashed, as with `HashKnownHosts no`). */
export function knownHostLine(host: string, port: number, keyType: string, key: string): string {
  return `${hostToken(host, port)} ${keyType} ${key}`;
}
