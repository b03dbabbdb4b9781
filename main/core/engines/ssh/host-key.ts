// A server's host key as ssh shows and stores it: its type, its `SHA256:` fingerprint, where known_hosts lives
// for Berth, appending a trusted key there, and which host key algorithms to ask for so that a server with
// several keys presents the one known_hosts already has (as OpenSSH orders them).
import { createHash } from 'node:crypto';
import { appendFile, chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ServerHostKeyAlgorithm } from 'ssh2';
import { entriesFor } from './known-hosts';

export interface HostKey {
  /** `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, … as known_hosts writes it. */
  keyType: string;
  /** The key blob in base64, as known_hosts writes it. */
  key: string;
  /** `SHA256:<base64 without padding>`, what `ssh-keygen -lf` and `ssh` print. */
  fingerprint: string;
}

/** The wire-format key blob starts with its type as an SSH string (uint32 length + bytes). */
export function hostKeyOf(blob: Buffer): HostKey {
  const length = blob.length >= 4 ? blob.readUInt32BE(0) : 0;
  const keyType = length > 0 && length <= blob.length - 4 ? blob.subarray(4, 4 + length).toString('latin1') : 'unknown';
  return { keyType, key: blob.toString('base64'), fingerprint: fingerprintOf(blob) };
}

export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** `$BERTH_SSH_KNOWN_HOSTS` (tests, or a user who keeps Berth's apart), else `~/.ssh/known_hosts`. */
export function knownHostsPath(env: NodeJS.ProcessEnv): string {
  if (env.BERTH_SSH_KNOWN_HOSTS) return env.BERTH_SSH_KNOWN_HOSTS;
  const home = env.HOME || env.USERPROFILE;
  if (!home)
    throw new Error('HOME is not set, so Berth cannot find ~/.ssh/known_hosts (set HOME or BERTH_SSH_KNOWN_HOSTS).');
  return path.join(home, '.ssh', 'known_hosts');
}

/** The file's text, or null when it does not exist yet. */
async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The file's text; a missing file is an empty one (nothing known yet). */
export async function readKnownHosts(file: string): Promise<string> {
  return (await readIfExists(file)) ?? '';
}

/** Appends one line, creating the folder (0700) and file (0600) as ssh would when they are missing. */
export async function appendKnownHost(file: string, line: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const existing = await readIfExists(file);
  const separator = !existing || existing.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${separator}${line}\n`, { mode: 0o600 });
  // appendFile's mode applies only on creation and is masked by the umask: make sure a new file is private.
  if (existing === null) await chmod(file, 0o600);
}

// ssh2's own defaults, in its order; the signature algorithms of each known_hosts key type.
const defaultAlgorithms: ServerHostKeyAlgorithm[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];
const algorithmsOfType: Record<string, ServerHostKeyAlgorithm[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

/**
 * Host key algorithms with the types known_hosts has for this host first. Without it a server with an ed25519
 * and an RSA key could present the one we do not know, and a known host would look unknown.
 */
export function hostKeyAlgorithms(knownHostsText: string, host: string, port: number): ServerHostKeyAlgorithm[] {
  const known = entriesFor(knownHostsText, host, port)
    .filter((entry) => entry.marker === null)
    .flatMap((entry) => algorithmsOfType[entry.keyType] ?? []);
  return [...new Set([...known, ...defaultAlgorithms])];
}
