// Which host veths count as an engine's leaked pairs: only container ends with its subnet's MAC whose peer is
// in the host namespace too, never a live container's host end, another subnet's pair or an attached port.
import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../main/core/engines/dockerd/subnet';
import { containerMacPrefix, leakedVeths, leftoverTestVeths, type IpLink } from './leaked-veths';

const PREFIX = '02:42:0a:d4:e5:';

function pair(end: string, host: string, mac: string, extra: { end?: Partial<IpLink>; host?: Partial<IpLink> } = {}) {
  return [
    { ifname: end, link: host, address: mac, flags: ['BROADCAST', 'MULTICAST'], ...extra.end },
    { ifname: host, link: end, address: '5e:11:22:33:44:55', flags: ['BROADCAST', 'MULTICAST', 'UP'], ...extra.host },
  ] satisfies IpLink[];
}

describe('containerMacPrefix', () => {
  it('is 02:42 followed by the first three bytes of the subnet', () => {
    expect(containerMacPrefix('10.212.229.1/24')).toBe(PREFIX);
    expect(containerMacPrefix('10.200.0.1/24')).toBe('02:42:0a:c8:00:');
  });

  it('refuses what is not an IPv4 address', () => {
    expect(() => containerMacPrefix('fd00::1/64')).toThrow(/not an IPv4 address/);
    expect(() => containerMacPrefix('10.300.1.1/24')).toThrow(/not an IPv4 address/);
  });
});

describe('leakedVeths', () => {
  it('finds a pair with both ends in the host namespace, down, by its container end', () => {
    expect(leakedVeths(pair('vetha', 'vethb', `${PREFIX}05`), PREFIX)).toEqual([
      { name: 'vetha', peer: 'vethb', mac: `${PREFIX}05` },
    ]);
  });

  it('finds it while the host end is still a port of the engine bridge, not of another bridge', () => {
    const onOwn = pair('vetha', 'vethb', `${PREFIX}05`, { host: { master: 'bt-1234' } });
    expect(leakedVeths(onOwn, PREFIX, 'bt-1234').map((veth) => veth.name)).toEqual(['vetha']);
    expect(leakedVeths(onOwn, PREFIX, 'bt-9999')).toEqual([]);
    expect(leakedVeths(onOwn, PREFIX)).toEqual([]);
  });

  it('ignores another subnet, an end that is up or attached, and a peer in another namespace', () => {
    const links: IpLink[] = [
      ...pair('other1', 'other2', '02:42:0a:d4:e6:05'),
      ...pair('up1', 'up2', `${PREFIX}06`, { end: { flags: ['BROADCAST', 'MULTICAST', 'UP'] } }),
      ...pair('port1', 'port2', `${PREFIX}07`, { end: { master: 'docker0' } }),
      // An end whose peer is in another namespace: `ip` gives its link_index, not its name.
      { ifname: 'live', address: `${PREFIX}08`, flags: ['BROADCAST', 'MULTICAST'] },
      // A peer name that is not a listed veth pointing back.
      { ifname: 'stray', link: 'nothere', address: `${PREFIX}09`, flags: ['BROADCAST'] },
    ];
    expect(leakedVeths(links, PREFIX)).toEqual([]);
  });

  it('compares MACs case-insensitively', () => {
    expect(leakedVeths(pair('vetha', 'vethb', '02:42:0A:D4:E5:05'), PREFIX)).toHaveLength(1);
  });
});

describe('leftoverTestVeths', () => {
  const routed = (cidr: string) => {
    const [address, prefix] = cidr.split('/');
    return { base: parseIpv4(address)!, prefix: Number(prefix) };
  };

  it('finds leaked pairs of every test subnet that no route covers', () => {
    const links = [
      ...pair('a1', 'a2', '02:42:0a:c8:00:02'), // 10.200.0.0/24, the first test /16
      ...pair('b1', 'b2', '02:42:0a:fe:ff:03'), // 10.254.255.0/24, the last
      ...pair('c1', 'c2', '02:42:0a:d5:07:04'), // 10.213.7.0/24, Berth's own pool
    ];
    expect(leftoverTestVeths(links, [routed('192.168.1.0/24')]).map((veth) => veth.name)).toEqual(['a1', 'b1', 'c1']);
  });

  it('keeps pairs of a /24 a route or address covers (an engine that is up or tearing down)', () => {
    const links = [...pair('a1', 'a2', '02:42:0a:c8:00:02'), ...pair('b1', 'b2', '02:42:0a:d4:e5:03')];
    expect(leftoverTestVeths(links, [routed('10.200.0.0/24'), routed('10.212.229.1/32')])).toEqual([]);
    expect(leftoverTestVeths(links, [routed('10.192.0.0/10')])).toEqual([]);
  });

  it('keeps MACs outside 10.200–254 (docker0, 172.17.x, 10.199.x, 10.255.x) and pairs still on a bridge', () => {
    const links = [
      ...pair('a1', 'a2', '02:42:ac:11:00:02'),
      ...pair('b1', 'b2', '02:42:0a:c7:00:02'),
      ...pair('c1', 'c2', '02:42:0a:ff:00:02'),
      ...pair('d1', 'd2', '02:42:0a:d4:e5:02', { host: { master: 'bt-1234' } }),
    ];
    expect(leftoverTestVeths(links, [])).toEqual([]);
  });
});
