// Owns finding and deleting the veth pairs a private engine's dockerd left behind in the host network namespace.
// Docker gives the container's end of a container's veth pair the MAC 02:42 + the container's IPv4 address. To
// tear a container's network down, libnetwork first moves that end from the container's namespace back into the
// host's, then deletes the pair. A dockerd that exits between the two (its shutdown has a deadline of the
// longest container stop timeout + 5 s, which stopping dozens of containers at once on 2 busy cores misses:
// "Force shutdown daemon") leaves the pair in the host namespace for good: both ends there, down, no master.
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
  for (const pair of leaked) {
    try {
      await runCommand('ip', ['link', 'del', pair.name]);
    } catch (error) {
      // Gone in the meantime is what we wanted; anything else is a real failure.
      if (!/Cannot find device/.test((error as Error).message)) throw error;
    }
  }
  if (leaked.length > 0)
    console.warn(`[harness] deleted ${leaked.length} veth pair(s) of ${bridge.gatewayCidr} left by dockerd`);
  return leaked;
}
