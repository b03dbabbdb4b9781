// Networks: one `GET /networks`, mapped to NetworkSummary and sorted by name.
import type Dockerode from 'dockerode';
import type { NetworkSummary } from '../../shared/engine-types';
import type { EngineLink } from '../connection/engine-link';

export function toNetworkSummary(network: Dockerode.NetworkInspectInfo): NetworkSummary {
  return {
    id: network.Id,
    name: network.Name,
    driver: network.Driver ?? '',
    scope: network.Scope ?? '',
    subnets: (network.IPAM?.Config ?? []).map((config) => config.Subnet).filter((subnet): subnet is string => !!subnet),
    internal: network.Internal === true,
  };
}

export class NetworksService {
  constructor(private readonly connection: EngineLink) {}

  async list(): Promise<NetworkSummary[]> {
    const networks = await this.connection.client().listNetworks();
    return networks.map(toNetworkSummary).sort((a, b) => a.name.localeCompare(b.name));
  }
}
