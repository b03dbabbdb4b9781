// Chooses the /24 of a Berth-owned engine's bridge from 10.213.0.0/16: one that no route (any table) or
// address on the host overlaps, so containers never shadow a LAN, a VPN or another engine's network.
// Pure over `ip -j` output, so tests choose against fixture routes.

export interface Ipv4Network {
  base: number;
  prefix: number;
}

export interface ChosenSubnet {
  /** `10.213.7.0/24`. */
  cidr: string;
  /** The bridge's own address with its prefix, `10.213.7.1/24`: dockerd takes its gateway and subnet from it. */
  gatewayCidr: string;
}

const POOL_SECOND_OCTET = 213;

export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function network(address: string, prefix: number): Ipv4Network | undefined {
  const base = parseIpv4(address);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  return { base, prefix };
}

/** Networks in `ip -4 -j route show table all` and `ip -4 -j addr show` output. */
export function takenNetworks(routesJson: string, addrsJson: string): Ipv4Network[] {
  const taken: Ipv4Network[] = [];
  for (const route of JSON.parse(routesJson || '[]') as Array<{ dst?: string }>) {
    // `default` (0.0.0.0/0) covers everything yet does not stop a more specific /24 from working.
    if (!route.dst || route.dst === 'default') continue;
    const [address, prefix] = route.dst.split('/');
    const found = network(address, prefix === undefined ? 32 : Number(prefix));
    if (found && found.prefix > 0) taken.push(found);
  }
  for (const link of JSON.parse(addrsJson || '[]') as Array<{
    addr_info?: Array<{ family?: string; local?: string; prefixlen?: number }>;
  }>) {
    for (const info of link.addr_info ?? []) {
      if (info.family !== 'inet' || !info.local) continue;
      const found = network(info.local, info.prefixlen ?? 32);
      if (found && found.prefix > 0) taken.push(found);
    }
  }
  return taken;
}

export function overlaps(a: Ipv4Network, b: Ipv4Network): boolean {
  // Two networks overlap exactly when they agree on the bits of the shorter prefix.
  const size = 2 ** (32 - Math.min(a.prefix, b.prefix));
  return Math.floor(a.base / size) === Math.floor(b.base / size);
}

function subnetAt(third: number): ChosenSubnet {
  return { cidr: `10.${POOL_SECOND_OCTET}.${third}.0/24`, gatewayCidr: `10.${POOL_SECOND_OCTET}.${third}.1/24` };
}

/**
 * The preferred subnet (the engine's previous one) when it is still free, else the first free /24 from an
 * offset derived from the engine's name, so two engines started at the same moment rarely race for one.
 */
export function chooseSubnet(
  taken: Ipv4Network[],
  options: { preferred?: string | null; seed: string },
): ChosenSubnet | null {
  const isFree = (third: number) =>
    !taken.some((range) => overlaps(range, { base: (10 * 256 + POOL_SECOND_OCTET) * 65536 + third * 256, prefix: 24 }));
  const preferred = options.preferred?.match(/^10\.213\.(\d{1,3})\.0\/24$/);
  if (preferred && Number(preferred[1]) <= 255 && isFree(Number(preferred[1]))) return subnetAt(Number(preferred[1]));
  let offset = 0;
  for (const char of options.seed) offset = (offset * 31 + char.charCodeAt(0)) % 256;
  for (let step = 0; step < 256; step += 1) {
    const third = (offset + step) % 256;
    if (isFree(third)) return subnetAt(third);
  }
  return null;
}
