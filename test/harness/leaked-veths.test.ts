// Which host veths count as an engine's leaked pairs: only container ends with its subnet's MAC whose peer is
// in the host namespace too, never a live container's host end, another subnet's pair or an attached port.
import { describe, expect, it } from 'vitest';
import { containerMacPrefix, leakedVeths, type IpLink } from './leaked-veths';

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
