// The bridge subnet of a Berth-owned engine: taken networks read from `ip -j` fixtures, and a /24 of
// 10.213.0.0/16 chosen that overlaps none of them, keeping the previous one when it is still free.
import { describe, expect, it } from 'vitest';
import { chooseSubnet, overlaps, parseIpv4, takenNetworks } from '../../../../../main/core/engines/dockerd/subnet';

const routes = JSON.stringify([
  { dst: 'default', gateway: '192.0.2.1', dev: 'eth0' },
  { dst: '10.213.0.0/24', dev: 'br-a' },
  { dst: '10.251.200.0/24', dev: 'bt-8aac' },
  { dst: '172.17.0.0/16', dev: 'docker0' },
  { type: 'local', dst: '10.213.2.1', dev: 'br-b', table: 'local' },
]);
const addrs = JSON.stringify([
  {
    ifname: 'lo',
    addr_info: [
      { family: 'inet', local: '127.0.0.1', prefixlen: 8 },
      { family: 'inet6', local: '::1', prefixlen: 128 },
    ],
  },
  { ifname: 'vpn0', addr_info: [{ family: 'inet', local: '10.213.1.9', prefixlen: 24 }] },
]);

describe('takenNetworks', () => {
  it('reads routes of every table and addresses, ignoring the default route and IPv6', () => {
    const taken = takenNetworks(routes, addrs);
    expect(taken).toContainEqual({ base: parseIpv4('10.213.0.0'), prefix: 24 });
    expect(taken).toContainEqual({ base: parseIpv4('10.213.2.1'), prefix: 32 });
    expect(taken).toContainEqual({ base: parseIpv4('10.213.1.9'), prefix: 24 });
    expect(taken).toContainEqual({ base: parseIpv4('127.0.0.1'), prefix: 8 });
    expect(taken.some((range) => range.prefix === 0)).toBe(false);
    expect(taken).toHaveLength(6);
  });

  it('accepts empty output', () => {
    expect(takenNetworks('', '')).toEqual([]);
  });
});

describe('overlaps', () => {
  it('compares on the shorter prefix', () => {
    expect(overlaps({ base: parseIpv4('10.0.0.0')!, prefix: 8 }, { base: parseIpv4('10.213.5.0')!, prefix: 24 })).toBe(
      true,
    );
    expect(
      overlaps({ base: parseIpv4('10.213.4.0')!, prefix: 24 }, { base: parseIpv4('10.213.5.0')!, prefix: 24 }),
    ).toBe(false);
  });
});

describe('chooseSubnet', () => {
  const taken = takenNetworks(routes, addrs);

  it('skips every /24 that a route or address overlaps', () => {
    for (const seed of ['a', 'berth', 'x']) {
      const chosen = chooseSubnet(taken, { seed })!;
      expect(['10.213.0.0/24', '10.213.1.0/24', '10.213.2.0/24']).not.toContain(chosen.cidr);
      expect(chosen.cidr).toMatch(/^10\.213\.\d+\.0\/24$/);
      expect(chosen.gatewayCidr).toBe(chosen.cidr.replace('.0/24', '.1/24'));
    }
  });

  it('walks on from a taken start to the next free one', () => {
    const all = Array.from({ length: 256 }, (_, third) => ({ base: parseIpv4(`10.213.${third}.0`)!, prefix: 24 }));
    const onlyFree = all.filter((range) => range.base !== parseIpv4('10.213.77.0'));
    expect(chooseSubnet(onlyFree, { seed: 'anything' })?.cidr).toBe('10.213.77.0/24');
  });

  it('keeps the previous subnet while it is free, and leaves it when it is taken', () => {
    expect(chooseSubnet(taken, { seed: 'a', preferred: '10.213.99.0/24' })?.cidr).toBe('10.213.99.0/24');
    expect(chooseSubnet(taken, { seed: 'a', preferred: '10.213.1.0/24' })?.cidr).not.toBe('10.213.1.0/24');
  });

  it('gives null when the whole pool is taken (a 10.0.0.0/8 VPN)', () => {
    expect(chooseSubnet([{ base: parseIpv4('10.0.0.0')!, prefix: 8 }], { seed: 'a' })).toBeNull();
  });
});
