// QEMU's user-network forwards through QMP against a real QEMU that runs no guest (`-machine none`, so it
// costs nothing): a forward listens on the host and goes away when closed, a taken port fails with the
// sentence the user reads, and an IPv6 address (which QEMU 7.2's hostfwd refuses) is served by Berth's relay.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLocalPort } from '../../../../../main/core/engines/free-local-port';
import type { DesiredForward } from '../../../../../main/core/engines/vm/port-forwards';
import { NETDEV_ID, openQemuForward } from '../../../../../main/core/engines/vm/qemu-port-forward';
import { monitorCommand } from '../../../../../main/core/engines/vm/qmp-client';
import { waitUntil } from '../../../../harness/run-command';

const QEMU = '/usr/bin/qemu-system-x86_64';
let dir = '';
let qemu: ChildProcess | null = null;
let qmp = '';

beforeAll(async () => {
  if (!existsSync(QEMU)) return;
  dir = await mkdtemp(join(tmpdir(), 'bqf-'));
  qmp = join(dir, 'qmp.sock');
  qemu = spawn(
    QEMU,
    [
      '-nodefaults',
      '-machine',
      'none',
      '-display',
      'none',
      '-netdev',
      `user,id=${NETDEV_ID}`,
      '-qmp',
      `unix:${qmp},server=on,wait=off`,
    ],
    { stdio: 'ignore' },
  );
  await waitUntil(() => existsSync(qmp), 10_000, 50);
});

afterAll(async () => {
  qemu?.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

function forward(hostAddress: string, hostPort: number, protocol: 'tcp' | 'udp' = 'tcp'): DesiredForward {
  return {
    key: `${protocol}/${hostAddress}/${hostPort}`,
    protocol,
    hostAddress,
    hostPort,
    guestHost: '10.0.2.15',
    via: 'qemu',
    container: { id: 'c', name: 'c' },
  };
}

function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe.skipIf(!existsSync(QEMU))('openQemuForward (a real QEMU without a guest)', () => {
  it('adds a hostfwd that listens on the host, and removes it on close', async () => {
    const port = await freeLocalPort();
    const handle = await openQemuForward(qmp, forward('127.0.0.1', port), () => undefined);
    expect(await monitorCommand(qmp, 'info usernet')).toContain(`127.0.0.1 ${String(port).padStart(5)}`);
    expect(await listening('127.0.0.1', port)).toBe(true);
    await handle.close();
    expect(await listening('127.0.0.1', port)).toBe(false);
  });

  it('says another program has the port when hostfwd_add fails on a taken one', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      await expect(openQemuForward(qmp, forward('127.0.0.1', port), () => undefined)).rejects.toThrow(
        `TCP 127.0.0.1:${port} is already in use by another program on this computer.`,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('serves ::1 with its own listener in front of a private QEMU forward, and removes both', async () => {
    const port = await freeLocalPort();
    const forwards = async () => (await monitorCommand(qmp, 'info usernet')).match(/HOST_FORWARD/g)?.length ?? 0;
    const before = await forwards();
    const handle = await openQemuForward(qmp, forward('::1', port), () => undefined);
    expect(await forwards()).toBe(before + 1);
    expect(await listening('::1', port)).toBe(true);
    await handle.close();
    expect(await listening('::1', port)).toBe(false);
    expect(await forwards()).toBe(before);
  });

  it('forwards UDP too', async () => {
    const port = await freeLocalPort();
    const handle = await openQemuForward(qmp, forward('127.0.0.1', port, 'udp'), () => undefined);
    expect(await monitorCommand(qmp, 'info usernet')).toMatch(/UDP\[HOST_FORWARD\]/);
    await handle.close();
    expect(await monitorCommand(qmp, 'info usernet')).not.toMatch(/UDP\[HOST_FORWARD\]/);
  });
});
