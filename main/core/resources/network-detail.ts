// Maps a network's inspect answer, and the containers configured on it, to the NetworkDetail the page shows.
// The engine's inspect lists only running endpoints; stopped containers keep the network in their own
// settings, so both are merged: running ones with their addresses, stopped ones without.
import type Dockerode from 'dockerode';
import type { NetworkDetail, NetworkEndpoint } from '../../shared/network-types';
import { containerName } from '../containers/container-summary';

/** The networks every engine creates itself; the engine refuses to remove them. */
export const predefinedNetworks: ReadonlySet<string> = new Set(['bridge', 'host', 'none']);

/** `172.18.0.2/16` → `172.18.0.2`; empty → null. */
function address(withPrefix: string | undefined): string | null {
  if (!withPrefix) return null;
  return withPrefix.split('/', 1)[0] || null;
}

export function toNetworkDetail(
  info: Dockerode.NetworkInspectInfo,
  containers: readonly Dockerode.ContainerInfo[],
  /** Aliases per container id, from each container's own inspect (the list leaves them out). */
  aliases: ReadonlyMap<string, string[]> = new Map(),
): NetworkDetail {
  const running = info.Containers ?? {};
  const endpoints = new Map<string, NetworkEndpoint>();
  for (const container of containers) {
    const settings = Object.values(container.NetworkSettings?.Networks ?? {}).find(
      (network) => network.NetworkID === info.Id,
    );
    const live = running[container.Id];
    endpoints.set(container.Id, {
      id: container.Id,
      name: containerName(container.Names, container.Id),
      state: container.State ?? '',
      ipv4: address(live?.IPv4Address) ?? (settings?.IPAddress || null),
      ipv6: address(live?.IPv6Address) ?? (settings?.GlobalIPv6Address || null),
      mac: live?.MacAddress || settings?.MacAddress || null,
      aliases: aliases.get(container.Id) ?? settings?.Aliases ?? [],
    });
  }
  // An endpoint the container list missed (a container created between the two calls) still shows.
  for (const [id, live] of Object.entries(running)) {
    if (endpoints.has(id)) continue;
    endpoints.set(id, {
      id,
      name: live.Name,
      state: 'running',
      ipv4: address(live.IPv4Address),
      ipv6: address(live.IPv6Address),
      mac: live.MacAddress || null,
      aliases: [],
    });
  }
  return {
    id: info.Id,
    name: info.Name,
    driver: info.Driver ?? '',
    scope: info.Scope ?? '',
    internal: info.Internal === true,
    attachable: info.Attachable === true,
    predefined: predefinedNetworks.has(info.Name),
    created: info.Created ?? '',
    subnets: (info.IPAM?.Config ?? [])
      .filter((config) => !!config.Subnet)
      .map((config) => ({ subnet: config.Subnet!, gateway: config.Gateway || null })),
    labels: info.Labels ?? {},
    options: info.Options ?? {},
    containers: [...endpoints.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
