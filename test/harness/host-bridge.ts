// Owns the private engine's Linux bridge: a unique name and a /24 that collides with no route on this host,
// so the engine never fights another engine (or the user's) over docker0 or 172.17.0.0/16.
import { randomBytes, randomInt } from 'node:crypto';
import { runCommand } from './run-command';

export interface HostBridge {
  /** Interface name, at most 15 characters (IFNAMSIZ). */
  name: string;
  /** The bridge's own address with prefix, e.g. `10.213.7.1/24`; dockerd takes the subnet from it. */
  gatewayCidr: string;
}

/** Creates and raises a bridge with an address from a free /24 under 10.200.0.0–10.254.255.0. */
export async function createBridge(): Promise<HostBridge> {
  const taken = await takenIpv4Networks();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const second = randomInt(200, 255);
    const third = randomInt(0, 256);
    const network = (10 << 24) | (second << 16) | (third << 8);
    if (taken.some((range) => overlaps(range, { base: network >>> 0, prefix: 24 }))) continue;
    const name = `bt-${randomBytes(2).toString('hex')}`;
    const gatewayCidr = `10.${second}.${third}.1/24`;
    try {
      await runCommand('ip', ['link', 'add', name, 'type', 'bridge']);
    } catch (error) {
      // Another run may have taken the name in the meantime: try another name and subnet.
      console.warn(`[harness] bridge ${name} not created, retrying: ${(error as Error).message}`);
      continue;
    }
    try {
      await runCommand('ip', ['addr', 'add', gatewayCidr, 'dev', name]);
      await runCommand('ip', ['link', 'set', name, 'up']);
    } catch (error) {
      await deleteBridge(name);
      throw error;
    }
    return { name, gatewayCidr };
  }
  throw new Error('[harness] found no free /24 under 10.200.0.0/13 for a test bridge after 20 attempts');
}

/** Deletes the bridge; a bridge that is already gone is fine. */
export async function deleteBridge(name: string): Promise<void> {
  if (!(await bridgeExists(name))) return;
  await runCommand('ip', ['link', 'del', name]);
}

export async function bridgeExists(name: string): Promise<boolean> {
  const out = await runCommand('ip', ['-o', 'link', 'show']);
  return out.split('\n').some((line) => line.split(':')[1]?.trim().split('@')[0] === name);
}

interface Ipv4Range {
  base: number;
  prefix: number;
}

/** Every IPv4 network the host routes or addresses, from all routing tables. */
async function takenIpv4Networks(): Promise<Ipv4Range[]> {
  const routes = await runCommand('ip', ['-4', 'route', 'show', 'table', 'all']);
  const addrs = await runCommand('ip', ['-4', '-o', 'addr', 'show']);
  const ranges: Ipv4Range[] = [];
  for (const match of `${routes}\n${addrs}`.matchAll(/(?:^|\s)(\d+\.\d+\.\d+\.\d+)(?:\/(\d+))?/g)) {
    const base = parseIpv4(match[1]);
    const prefix = match[2] ? Number(match[2]) : 32;
    // An explicit 0.0.0.0/0 route covers everything yet does not stop a more specific /24 from working.
    if (base !== undefined && prefix > 0) ranges.push({ base, prefix });
  }
  return ranges;
}

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  // Two networks overlap exactly when they agree on the bits of the shorter prefix.
  const prefix = Math.min(a.prefix, b.prefix);
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return (a.base & mask) >>> 0 === (b.base & mask) >>> 0;
}
