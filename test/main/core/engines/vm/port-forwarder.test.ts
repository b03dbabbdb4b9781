// The forwarder's state over resyncs with a fake mechanism: listeners follow the containers, a port that is
// taken is reported (and tried again later), resyncs asked for meanwhile coalesce, dispose closes everything.
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { PortForwarder } from '../../../../../main/core/engines/vm/port-forwarder';
import type { DesiredForward } from '../../../../../main/core/engines/vm/port-forwards';

function web(port: number, id = 'web'): Dockerode.ContainerInfo {
  return {
    Id: id,
    Names: [`/${id}`],
    Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: port, Type: 'tcp' }],
  } as Dockerode.ContainerInfo;
}

function setup(options: { taken?: Set<string>; missing?: Set<string>; gate?: Promise<void> } = {}) {
  let containers: Dockerode.ContainerInfo[] = [];
  const open = new Set<string>();
  const lines: string[] = [];
  let lists = 0;
  let changes = 0;
  const forwarder = new PortForwarder({
    list: async () => {
      lists += 1;
      await options.gate;
      return containers;
    },
    publishAll: async () => false,
    open: async (forward: DesiredForward) => {
      if (options.taken?.has(forward.key)) throw new Error(`${forward.key} is already in use`);
      // What the mechanisms return when this computer has no such address (no IPv6 loopback).
      if (options.missing?.has(forward.key)) return { close: async () => undefined, listens: false };
      open.add(forward.key);
      return { close: async () => void open.delete(forward.key) };
    },
    note: (line) => lines.push(line),
    changed: () => (changes += 1),
  });
  return {
    forwarder,
    open,
    lines,
    set: (next: Dockerode.ContainerInfo[]) => (containers = next),
    lists: () => lists,
    changes: () => changes,
  };
}

describe('PortForwarder', () => {
  it('opens a running container port on both loopbacks and closes it when the container is gone', async () => {
    const t = setup();
    t.set([web(8080)]);
    await t.forwarder.resync();
    expect([...t.open].sort()).toEqual(['tcp/127.0.0.1/8080', 'tcp/::1/8080']);
    expect(t.forwarder.views()).toEqual([expect.objectContaining({ hostPort: 8080, problem: null })]);
    t.set([]);
    await t.forwarder.resync();
    expect(t.open.size).toBe(0);
    expect(t.forwarder.views()).toEqual([]);
    expect(t.changes()).toBe(2);
  });

  it('reports a taken host port on the container, keeps the other address, and picks the port up once freed', async () => {
    const taken = new Set(['tcp/127.0.0.1/8080']);
    const t = setup({ taken });
    t.set([web(8080)]);
    await t.forwarder.resync();
    expect([...t.open]).toEqual(['tcp/::1/8080']);
    expect(t.forwarder.problemOf('web', 'tcp', 8080)).toMatch(/already in use/);
    // The Engine page lists where it listens, not the address that failed.
    expect(t.forwarder.views()).toEqual([
      expect.objectContaining({ hostAddresses: ['::1'], problem: expect.stringMatching(/already in use/) }),
    ]);
    expect(t.forwarder.problemOf('web', 'udp', 8080)).toBeUndefined();
    expect(t.lines.filter((line) => line.includes('already in use'))).toHaveLength(1);
    await t.forwarder.resync();
    expect(t.lines.filter((line) => line.includes('already in use'))).toHaveLength(1);
    taken.clear();
    await t.forwarder.resync();
    expect(t.forwarder.problemOf('web', 'tcp', 8080)).toBeUndefined();
    expect(t.open.size).toBe(2);
    expect(t.forwarder.views()[0]!.hostAddresses).toEqual(['127.0.0.1', '::1']);
  });

  it('leaves out an address this computer does not have, without calling it a problem', async () => {
    const t = setup({ missing: new Set(['tcp/::1/8080']) });
    t.set([web(8080)]);
    await t.forwarder.resync();
    expect(t.forwarder.views()).toEqual([
      expect.objectContaining({ hostPort: 8080, hostAddresses: ['127.0.0.1'], problem: null }),
    ]);
  });

  it('coalesces resyncs asked for while one runs into one more run', async () => {
    let release = () => undefined as void;
    const t = setup({ gate: new Promise<void>((resolve) => (release = resolve)) });
    t.set([web(8080)]);
    const first = t.forwarder.resync();
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.lists()).toBe(1);
    const later = [t.forwarder.resync(), t.forwarder.resync(), t.forwarder.resync()];
    expect(later[1]).toBe(later[0]);
    release();
    await Promise.all([first, ...later]);
    expect(t.lists()).toBe(2);
  });

  it('keeps what listens when the engine cannot be listed, and closes all on dispose', async () => {
    const t = setup();
    t.set([web(8080)]);
    await t.forwarder.resync();
    t.set(null as unknown as Dockerode.ContainerInfo[]);
    await expect(t.forwarder.resync()).rejects.toThrow();
    expect(t.open.size).toBe(2);
    expect(t.lines.some((line) => line.includes('resync failed'))).toBe(true);
    await t.forwarder.dispose();
    expect(t.open.size).toBe(0);
    expect(t.forwarder.views()).toEqual([]);
  });
});
