// The desired host listeners of a VM's published ports and the plan from what listens now: which address,
// which mechanism, which ports cannot be forwarded and why, and what a change of container or setting does.
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import {
  desiredForwards,
  forwardViews,
  GUEST_IP,
  planForwards,
  type DesiredForward,
} from '../../../../../main/core/engines/vm/port-forwards';

function container(id: string, ports: Array<Partial<Dockerode.Port>>): Dockerode.ContainerInfo {
  return {
    Id: id,
    Names: [`/${id}-name`],
    Ports: ports.map((port) => ({ PrivatePort: 80, Type: 'tcp', ...port })),
  } as Dockerode.ContainerInfo;
}

const keys = (forwards: DesiredForward[]) => forwards.map((forward) => forward.key).sort();

describe('desiredForwards', () => {
  it('forwards a port published on all guest addresses to both loopbacks through QEMU, once for its two twins', () => {
    const desired = desiredForwards(
      [
        container('web', [
          { IP: '0.0.0.0', PublicPort: 8080 },
          { IP: '::', PublicPort: 8080 },
        ]),
      ],
      false,
    );
    expect(keys(desired.forwards)).toEqual(['tcp/127.0.0.1/8080', 'tcp/::1/8080']);
    expect(desired.forwards.every((f) => f.via === 'qemu' && f.guestHost === GUEST_IP)).toBe(true);
    expect(desired.forwards[0]!.container).toEqual({ id: 'web', name: 'web-name' });
  });

  it('listens on all interfaces only when the setting says so and the container published on all of its own', () => {
    const desired = desiredForwards(
      [
        container('web', [{ IP: '0.0.0.0', PublicPort: 8080 }]),
        container('local', [{ IP: '127.0.0.1', PublicPort: 9090 }]),
      ],
      true,
    );
    expect(keys(desired.forwards)).toEqual(['tcp/0.0.0.0/8080', 'tcp/127.0.0.1/9090', 'tcp/::/8080', 'tcp/::1/9090']);
  });

  it('reaches a TCP port on the guest loopback through SSH, and reports UDP there and SCTP as not forwardable', () => {
    const desired = desiredForwards(
      [
        container('a', [{ IP: '127.0.0.1', PublicPort: 7000 }]),
        container('b', [{ IP: '127.0.0.1', PublicPort: 7001, Type: 'udp' }]),
        container('c', [{ IP: '0.0.0.0', PublicPort: 7002, Type: 'sctp' }]),
        container('d', [{ IP: '172.17.0.1', PublicPort: 7003 }]),
      ],
      false,
    );
    expect(desired.forwards.map((f) => [f.key, f.via, f.guestHost])).toEqual([
      ['tcp/127.0.0.1/7000', 'ssh', '127.0.0.1'],
      ['tcp/::1/7000', 'ssh', '127.0.0.1'],
    ]);
    expect(desired.unforwardable.map((u) => [u.hostPort, u.problem])).toEqual([
      [7001, expect.stringMatching(/UDP cannot be forwarded/)],
      [7002, expect.stringMatching(/SCTP ports cannot be forwarded/)],
      [7003, expect.stringMatching(/172\.17\.0\.1 inside the VM/)],
    ]);
  });

  it('skips ports that are exposed but not published, and forwards UDP through QEMU', () => {
    const desired = desiredForwards(
      [container('a', [{ PrivatePort: 80 }, { IP: '0.0.0.0', PublicPort: 5353, Type: 'udp' }])],
      false,
    );
    expect(keys(desired.forwards)).toEqual(['udp/127.0.0.1/5353', 'udp/::1/5353']);
  });
});

describe('planForwards', () => {
  const web = desiredForwards([container('web', [{ IP: '0.0.0.0', PublicPort: 8080 }])], false).forwards;
  const active = (forwards: DesiredForward[]) => new Map(forwards.map((f) => [f.key, f]));

  it('opens what is new, closes what is gone, leaves the rest alone', () => {
    const db = desiredForwards([container('db', [{ IP: '0.0.0.0', PublicPort: 5432 }])], false).forwards;
    const plan = planForwards(active(web), db);
    expect(keys(plan.add)).toEqual(['tcp/127.0.0.1/5432', 'tcp/::1/5432']);
    expect(keys(plan.remove)).toEqual(['tcp/127.0.0.1/8080', 'tcp/::1/8080']);
    expect(planForwards(active(web), web)).toEqual({ add: [], remove: [] });
  });

  it('replaces a listener whose container or guest side changed under the same host port', () => {
    const other = desiredForwards([container('other', [{ IP: '0.0.0.0', PublicPort: 8080 }])], false).forwards;
    const plan = planForwards(active(web), other);
    expect(keys(plan.remove)).toEqual(keys(web));
    expect(plan.add.map((f) => f.container.id)).toEqual(['other', 'other']);
    const loopback = desiredForwards([container('web', [{ IP: '127.0.0.1', PublicPort: 8080 }])], false).forwards;
    expect(planForwards(active(web), loopback).add.map((f) => f.via)).toEqual(['ssh', 'ssh']);
  });
});

describe('forwardViews', () => {
  it('shows one row per container port with its addresses and its listeners problems joined', () => {
    const desired = desiredForwards(
      [
        container('web', [{ IP: '0.0.0.0', PublicPort: 8080 }]),
        container('dns', [{ IP: '127.0.0.1', PublicPort: 53, Type: 'udp' }]),
      ],
      false,
    );
    const problems = new Map([['tcp/127.0.0.1/8080', 'TCP 127.0.0.1:8080 is already in use by another program.']]);
    expect(forwardViews(desired, problems, new Set(['tcp/::1/8080']))).toEqual([
      expect.objectContaining({ hostPort: 53, protocol: 'udp', problem: expect.stringMatching(/UDP/) }),
      {
        protocol: 'tcp',
        hostPort: 8080,
        hostAddresses: ['::1'],
        containerId: 'web',
        containerName: 'web-name',
        via: 'qemu',
        problem: 'TCP 127.0.0.1:8080 is already in use by another program.',
      },
    ]);
  });

  it('lists only the addresses that listen: none while a listener is not open yet, both once they are', () => {
    const desired = desiredForwards([container('web', [{ IP: '0.0.0.0', PublicPort: 8080 }])], false);
    expect(forwardViews(desired, new Map(), new Set())[0]).toMatchObject({ hostAddresses: [], problem: null });
    const both = new Set(['tcp/127.0.0.1/8080', 'tcp/::1/8080']);
    expect(forwardViews(desired, new Map(), both)[0]).toMatchObject({ hostAddresses: ['127.0.0.1', '::1'] });
  });
});
