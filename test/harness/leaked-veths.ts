// Owns finding and deleting the veth pairs a private engine's dockerd left behind in the host network namespace.
// Docker gives the container's end of a container's veth pair the MAC 02:42 + the container's IPv4 address. To
// tear a container's network down, libnetwork first moves that end from the container's namespace back into the
// host's, then deletes the pair. A dockerd that exits between the two (its shutdown has a deadline of the
// longest container stop timeout + 5 s, which stopping dozens of containers at once on 2 busy cores misses:
// "Force shutdown daemon") leaves the pair in the host namespace for good: both ends there, down, no master.
import { overlaps, takenNetworks } from '../../main/core/engines/dockerd/subnet';
import type { HostBridge } from './host-bridge';
import { runCommand } from './run-command';

/** What `ip -j link show type veth` says of one veth interface (the fields we read). */
export interface IpLink {
  ifname: string;
  address?: string;
  flags?: string[];
  master?: string;
  /** The peer's name when the peer is in the same namespace (otherwise `ip` gives link_index/link_netnsid). */
  link?: string;
}

/** A leaked pair, named by its container end (deleting either end deletes both). */
export interface LeakedVeth {
  name: string;
  peer: string;
  mac: string;
}

/** `02:42:0a:d4:e5:` for `10.212.229.1/24`: the MAC prefix docker gives container ends in that /24. */
export function containerMacPrefix(gatewayCidr: string): string {
  const octets = gatewayCidr.split('/')[0].split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255))
    throw new Error(`[harness] not an IPv4 address with prefix: ${gatewayCidr}`);
  const hex = octets.slice(0, 3).map((octet) => octet.toString(16).padStart(2, '0'));
  return `02:42:${hex.join(':')}:`;
}

/**
 * The container ends of leaked pairs among `veths` whose MAC starts with `macPrefix`: a veth with that MAC,
 * down (not UP), attached to no bridge, whose peer is a veth in this same namespace attached to no bridge or
 * to `bridge` (dockerd may not have detached it; deleting the bridge later would). A live container's end
 * is in its own namespace, so it is never listed here.
 */
export function leakedVeths(veths: IpLink[], macPrefix: string, bridge?: string): LeakedVeth[] {
  const byName = new Map(veths.map((link) => [link.ifname, link]));
  const leaked: LeakedVeth[] = [];
  for (const link of veths) {
    const mac = link.address?.toLowerCase() ?? '';
    if (!mac.startsWith(macPrefix) || link.master !== undefined || link.flags?.includes('UP')) continue;
    const peer = link.link === undefined ? undefined : byName.get(link.link);
    if (peer === undefined || peer.link !== link.ifname) continue;
    if (peer.master !== undefined && peer.master !== bridge) continue;
    leaked.push({ name: link.ifname, peer: peer.ifname, mac });
  }
  return leaked;
}

// A container MAC in 10.200.0.0–10.254.255.255, where createBridge picks test subnets (0xc8 = 200, 0xfe = 254);
// Berth's own engines use 10.213.0.0/16, inside it.
const TEST_CONTAINER_MAC = /^02:42:0a:(c[89a-f]|d[0-9a-f]|e[0-9a-f]|f[0-9a-e]):[0-9a-f]{2}:[0-9a-f]{2}$/;

/**
 * Leaked pairs of any test engine, gone or not, for machines where engines leaked before destroy() deleted
 * them: the pairs `leakedVeths` finds (both ends in the host namespace, the container end down and neither
 * attached to a bridge) with a container MAC in 10.200–254.x.x whose /24 no route or address of the host
 * overlaps. Why this touches nothing in use: a container's end lives in the container's namespace while it
 * runs, so it is never listed; an engine that is up, or is tearing a container down, has its bridge and so a
 * route to that /24; a pair attached to no bridge and down carries no traffic. `taken` is the host's routed
 * and addressed networks.
 */
export function leftoverTestVeths(veths: IpLink[], taken: ReturnType<typeof takenNetworks>): LeakedVeth[] {
  const prefixes = new Set<string>();
  for (const veth of veths) {
    const mac = veth.address?.toLowerCase() ?? '';
    if (!TEST_CONTAINER_MAC.test(mac)) continue;
    const [second, third] = mac
      .split(':')
      .slice(3, 5)
      .map((byte) => parseInt(byte, 16));
    const subnet = { base: ((10 * 256 + second) * 256 + third) * 256, prefix: 24 };
    if (!taken.some((range) => overlaps(range, subnet))) prefixes.add(mac.slice(0, 15));
  }
  return [...prefixes].flatMap((prefix) => leakedVeths(veths, prefix));
}

/** Deletes `leftoverTestVeths` of this host (all of them when `dryRun` is false); returns what it found. */
export async function deleteLeftoverTestVeths(dryRun: boolean): Promise<LeakedVeth[]> {
  const taken = takenNetworks(
    await runCommand('ip', ['-4', '-j', 'route', 'show', 'table', 'all']),
    await runCommand('ip', ['-4', '-j', 'addr', 'show']),
  );
  const leftovers = leftoverTestVeths(await hostVeths(), taken);
  if (!dryRun) for (const pair of leftovers) await deleteVeth(pair.name);
  return leftovers;
}

async function deleteVeth(name: string): Promise<void> {
  try {
    await runCommand('ip', ['link', 'del', name]);
  } catch (error) {
    // Gone in the meantime is what we wanted; anything else is a real failure.
    if (!/Cannot find device/.test((error as Error).message)) throw error;
  }
}

/** The veth interfaces of the host network namespace. */
export async function hostVeths(): Promise<IpLink[]> {
  return JSON.parse(await runCommand('ip', ['-j', 'link', 'show', 'type', 'veth'])) as IpLink[];
}

/**
 * Deletes the leaked pairs of the engine whose bridge is `bridge`; returns their container ends. Call it after
 * the engine stopped and while its bridge still holds the /24: no other engine can be given that /24 then
 * (createBridge skips routed networks), so every match is this engine's, or a leftover of an earlier engine
 * on the same /24.
 */
export async function deleteLeakedVeths(bridge: HostBridge): Promise<LeakedVeth[]> {
  const leaked = leakedVeths(await hostVeths(), containerMacPrefix(bridge.gatewayCidr), bridge.name);
  for (const pair of leaked) await deleteVeth(pair.name);
  if (leaked.length > 0)
    console.warn(`[harness] deleted ${leaked.length} veth pair(s) of ${bridge.gatewayCidr} left by dockerd`);
  return leaked;
}
