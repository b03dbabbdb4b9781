import { describe, expect, it } from 'vitest';
import type { PortBinding } from '../../../main/shared/container-types';
import { portEntries } from '../../../renderer/src/format/ports';

const tcp = (privatePort: number, publicPort: number | null, ip: string | null): PortBinding => ({
  privatePort,
  publicPort,
  ip,
  protocol: 'tcp',
});

describe('portEntries', () => {
  it('collapses a port published on 0.0.0.0 and :: into one linked entry', () => {
    expect(portEntries([tcp(80, 8080, '0.0.0.0'), tcp(80, 8080, '::')])).toEqual([
      { key: '8080→80/tcp', label: '8080→80/tcp', href: 'http://localhost:8080/' },
    ]);
  });

  it('keeps the address of a port bound to one interface, and links to that address', () => {
    expect(portEntries([tcp(5432, 15432, '127.0.0.1')])).toEqual([
      { key: '127.0.0.1:15432→5432/tcp', label: '127.0.0.1:15432→5432/tcp', href: 'http://127.0.0.1:15432/' },
    ]);
    expect(portEntries([tcp(80, 8083, '::1')])[0].href).toBe('http://[::1]:8083/');
    expect(portEntries([tcp(80, 8081, '192.168.1.5')])[0].href).toBe('http://192.168.1.5:8081/');
    expect(portEntries([tcp(80, 8082, 'fd00::5')])[0]).toMatchObject({
      label: '[fd00::5]:8082→80/tcp',
      href: 'http://[fd00::5]:8082/',
    });
  });

  it('links only published TCP ports', () => {
    const entries = portEntries([
      tcp(443, null, null),
      { privatePort: 53, publicPort: 5353, ip: '0.0.0.0', protocol: 'udp' },
    ]);
    expect(entries).toEqual([
      { key: '5353→53/udp', label: '5353→53/udp', href: null },
      { key: '443/tcp', label: '443/tcp', href: null },
    ]);
  });

  it('sorts by container port', () => {
    const labels = portEntries([tcp(8080, 9000, '0.0.0.0'), tcp(22, 2222, '0.0.0.0'), tcp(80, null, null)]).map(
      (e) => e.label,
    );
    expect(labels).toEqual(['2222→22/tcp', '80/tcp', '9000→8080/tcp']);
  });

  it('carries a VM forward problem, from either twin, and drops the link that would reach another program', () => {
    const problem = 'TCP 127.0.0.1:8080 is already in use by another program on this computer.';
    expect(portEntries([tcp(80, 8080, '0.0.0.0'), { ...tcp(80, 8080, '::'), problem }])).toEqual([
      { key: '8080→80/tcp', label: '8080→80/tcp', href: null, problem },
    ]);
  });
});
