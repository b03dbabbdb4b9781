// Owns a Berth-owned engine's host networking: its own bridge with a free /24, and one MASQUERADE rule so
// its containers reach outside. dockerd runs with --iptables=false, so it never fights another engine over
// the DOCKER chains; the rule and the bridge are Berth's to remove on stop.
import type { Logger } from '../../logger';
import { HostCommandError, runHostCommand } from './host-command';
import { chooseSubnet, takenNetworks, type ChosenSubnet } from './subnet';

export interface BridgeNetwork extends ChosenSubnet {
  bridge: string;
  /** False when iptables is missing or refused: containers then have no outbound network. */
  masquerade: boolean;
}

function masqueradeSpec(subnet: string, bridge: string): string[] {
  return ['-t', 'nat', '%', 'POSTROUTING', '-s', subnet, '!', '-o', bridge, '-j', 'MASQUERADE'];
}

function withAction(spec: string[], action: '-A' | '-C' | '-D'): string[] {
  return spec.map((part) => (part === '%' ? action : part));
}

export class HostNetwork {
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: Logger,
  ) {}

  async bridgeExists(name: string): Promise<boolean> {
    const links = JSON.parse((await runHostCommand('ip', ['-j', 'link', 'show'], this.env)) || '[]') as Array<{
      ifname?: string;
    }>;
    return links.some((link) => link.ifname === name);
  }

  /** Creates and raises the bridge on a free subnet, preferring the previous one, plus its MASQUERADE rule. */
  async create(bridge: string, preferred: string | null, seed: string): Promise<BridgeNetwork> {
    const routes = await runHostCommand('ip', ['-4', '-j', 'route', 'show', 'table', 'all'], this.env);
    const addrs = await runHostCommand('ip', ['-4', '-j', 'addr', 'show'], this.env);
    const subnet = chooseSubnet(takenNetworks(routes, addrs), { preferred, seed });
    if (!subnet)
      throw new Error(
        '[engine] every /24 of 10.213.0.0/16 is in use on this host: remove a network or an engine and start again',
      );
    await runHostCommand('ip', ['link', 'add', bridge, 'type', 'bridge'], this.env);
    try {
      await runHostCommand('ip', ['addr', 'add', subnet.gatewayCidr, 'dev', bridge], this.env);
      await runHostCommand('ip', ['link', 'set', bridge, 'up'], this.env);
    } catch (error) {
      await this.deleteBridge(bridge);
      throw error;
    }
    const masquerade = await this.addMasquerade(subnet.cidr, bridge);
    return { ...subnet, bridge, masquerade };
  }

  /** Removes the bridge and its rule; what is already gone is fine (a stop after a crash). */
  async remove(bridge: string, subnet: string | null): Promise<void> {
    if (subnet) await this.removeMasquerade(subnet, bridge);
    await this.deleteBridge(bridge);
  }

  private async deleteBridge(bridge: string): Promise<void> {
    if (await this.bridgeExists(bridge)) await runHostCommand('ip', ['link', 'del', bridge], this.env);
  }

  private async addMasquerade(subnet: string, bridge: string): Promise<boolean> {
    const spec = masqueradeSpec(subnet, bridge);
    try {
      // A rule left by a crash is reused rather than doubled.
      if (!(await this.ruleExists(spec))) await runHostCommand('iptables', withAction(spec, '-A'), this.env);
      return true;
    } catch (error) {
      const why =
        error instanceof HostCommandError && error.notFound ? 'iptables is not installed' : (error as Error).message;
      this.log.warn(
        `[engine] ${why}: containers of this engine have no outbound network (they still run and reach each other)`,
      );
      return false;
    }
  }

  private async removeMasquerade(subnet: string, bridge: string): Promise<void> {
    const spec = masqueradeSpec(subnet, bridge);
    try {
      while (await this.ruleExists(spec)) await runHostCommand('iptables', withAction(spec, '-D'), this.env);
    } catch (error) {
      if (error instanceof HostCommandError && error.notFound) return; // No iptables: no rule was ever added.
      throw error;
    }
  }

  private async ruleExists(spec: string[]): Promise<boolean> {
    try {
      await runHostCommand('iptables', withAction(spec, '-C'), this.env);
      return true;
    } catch (error) {
      // `-C` exits 1 when the rule is absent; anything else (no iptables, no permission) is a real failure.
      if (error instanceof HostCommandError && error.exitCode === 1) return false;
      throw error;
    }
  }
}
