// Networks: the list (one `GET /networks`), and create, inspect, remove, prune, connect and disconnect, with
// the engine's refusals turned into plain sentences (a predefined network, one still in use, an absent
// container or driver).
import type Dockerode from 'dockerode';
import type { NetworkSummary } from '../../shared/engine-types';
import { BerthError } from '../../shared/errors';
import type { NetworkDetail, NetworkPruneResult } from '../../shared/network-types';
import type { EngineLink } from '../connection/engine-link';
import { engineMessage } from '../connection/engine-errors';
import { predefinedNetworks, toNetworkDetail } from './network-detail';

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

export interface NetworkCreateSpec {
  name: string;
  driver?: string;
  internal?: boolean;
  labels?: readonly { key: string; value: string }[];
  subnet?: string;
}

/** Inspecting every container of a huge network would be slow; past this many, aliases are left out. */
const aliasLookups = 50;

const statusOf = (error: unknown) => (error as { statusCode?: number } | null)?.statusCode;

export class NetworksService {
  constructor(private readonly connection: EngineLink) {}

  async list(): Promise<NetworkSummary[]> {
    const networks = await this.connection.client().listNetworks();
    return networks.map(toNetworkSummary).sort((a, b) => a.name.localeCompare(b.name));
  }

  async inspect(id: string): Promise<NetworkDetail> {
    const docker = this.connection.client();
    const info = (await docker.getNetwork(id).inspect()) as Dockerode.NetworkInspectInfo;
    // The filter matches stopped containers too: they keep the network in their settings.
    const containers = await docker.listContainers({ all: true, filters: { network: [info.Id] } });
    return toNetworkDetail(info, containers, await this.aliases(info.Id, containers));
  }

  /** Each attached container's aliases on this network; a container gone meanwhile just has none. */
  private async aliases(networkId: string, containers: readonly Dockerode.ContainerInfo[]) {
    const found = new Map<string, string[]>();
    await Promise.all(
      containers.slice(0, aliasLookups).map(async (container) => {
        const info = await this.connection
          .client()
          .getContainer(container.Id)
          .inspect()
          .catch(() => null);
        const own = Object.values(info?.NetworkSettings?.Networks ?? {}).find((net) => net.NetworkID === networkId);
        // The engine adds the container's short id as an alias; it says nothing the row does not.
        const aliases = ((own?.Aliases ?? []) as string[]).filter((alias) => !container.Id.startsWith(alias));
        found.set(container.Id, aliases);
      }),
    );
    return found;
  }

  async create(spec: NetworkCreateSpec): Promise<NetworkSummary> {
    const driver = spec.driver ?? 'bridge';
    const docker = this.connection.client();
    await this.checkDriver(driver);
    let created: Dockerode.Network;
    try {
      created = await docker.createNetwork({
        Name: spec.name,
        // Without it the engine accepts a second network of the same name, which then cannot be named.
        CheckDuplicate: true,
        Driver: driver,
        Internal: spec.internal ?? false,
        Labels: Object.fromEntries((spec.labels ?? []).map((label) => [label.key, label.value])),
        ...(spec.subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: spec.subnet }] } } : {}),
      });
    } catch (error) {
      const message = engineMessage(error);
      if (/plugin .*not found|not found.*plugin/i.test(message))
        throw new BerthError(
          'NOT_FOUND',
          `The engine has no network driver "${driver}" (${message}). Drivers every engine has: bridge, macvlan, ipvlan.`,
        );
      if (statusOf(error) === 409)
        throw new BerthError('CONFLICT', `A network named ${spec.name} already exists. Choose another name.`);
      throw error;
    }
    return toNetworkSummary((await created.inspect()) as Dockerode.NetworkInspectInfo);
  }

  /**
   * The engine looks an unknown driver up as a plugin for 15 s before refusing; the drivers it has are in its
   * info, so an unknown one is refused at once.
   */
  private async checkDriver(driver: string): Promise<void> {
    const info = (await this.connection.client().info()) as { Plugins?: { Network?: string[] | null } };
    const known = info.Plugins?.Network ?? [];
    if (known.length === 0 || known.includes(driver)) return;
    throw new BerthError(
      'NOT_FOUND',
      `The engine has no network driver "${driver}". Its drivers: ${known.join(', ')}.`,
    );
  }

  async remove(id: string): Promise<{ id: string }> {
    const docker = this.connection.client();
    if (predefinedNetworks.has(id))
      throw new BerthError(
        'CONFLICT',
        `${id} is one of the networks the engine creates itself (bridge, host, none): it cannot be removed.`,
      );
    try {
      await docker.getNetwork(id).remove();
      return { id };
    } catch (error) {
      if (statusOf(error) !== 403 && statusOf(error) !== 409) throw error;
      const message = engineMessage(error);
      if (/active endpoints/i.test(message)) {
        const users = await this.inspect(id).then(
          (detail) => detail.containers.map((container) => container.name),
          () => [],
        );
        const who = users.length ? ` (${users.join(', ')})` : '';
        throw new BerthError(
          'CONFLICT',
          `${id} is in use by containers${who}: disconnect or remove them first. The engine said: ${message}.`,
        );
      }
      throw new BerthError('CONFLICT', `The engine refused to remove ${id}: ${message}.`);
    }
  }

  async prune(label: string | undefined): Promise<NetworkPruneResult> {
    const filters = label ? { label: [label] } : {};
    const result = await this.connection.client().pruneNetworks({ filters });
    return { deleted: result.NetworksDeleted ?? [] };
  }

  async connect(network: string, container: string, aliases: readonly string[] | undefined): Promise<NetworkDetail> {
    try {
      await this.connection
        .client()
        .getNetwork(network)
        .connect({ Container: container, EndpointConfig: aliases?.length ? { Aliases: [...aliases] } : undefined });
    } catch (error) {
      throw this.refusal(error, `connect ${container} to ${network}`);
    }
    return this.inspect(network);
  }

  async disconnect(network: string, container: string, force: boolean): Promise<NetworkDetail> {
    try {
      await this.connection.client().getNetwork(network).disconnect({ Container: container, Force: force });
    } catch (error) {
      throw this.refusal(error, `disconnect ${container} from ${network}`);
    }
    return this.inspect(network);
  }

  /** The engine's answer to a connect or disconnect, said as what could not be done and why. */
  private refusal(error: unknown, what: string): unknown {
    const status = statusOf(error);
    const message = engineMessage(error);
    if (status === 404) return new BerthError('NOT_FOUND', `Could not ${what}: ${message}.`);
    // Docker 20.10 answers 500 for "is not connected to network"; it is a refusal, not a failure.
    if (status === 403 || status === 409 || status === 400 || /not connected|already exists/i.test(message))
      return new BerthError('CONFLICT', `Could not ${what}: ${message}.`);
    return error;
  }
}
