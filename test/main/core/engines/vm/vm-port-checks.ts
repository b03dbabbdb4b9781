// Published ports of containers in the booted test VM, seen from this computer: a busybox httpd published on
// all guest addresses (QEMU's user network) and on the guest's loopback (the SSH connection) answers on
// 127.0.0.1 and ::1 at the same port, a UDP echo answers, a host port another program holds is reported on the
// container and the Engine view, and stopping the container frees its ports. Timings are logged, never asserted.
import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';
import type Dockerode from 'dockerode';
import { expect } from 'vitest';
import type { Channel, RequestOf, ResponseOf } from '../../../../../main/shared/contract';
import { freeLocalPort } from '../../../../../main/core/engines/free-local-port';
import { waitUntil } from '../../../../harness/run-command';

type Call = <C extends Channel>(channel: C, payload: RequestOf<C>) => Promise<ResponseOf<C>>;

const DEADLINE_MS = 30_000;

export async function checkPublishedPorts(call: Call, vmDocker: Dockerode, image: string, id: string): Promise<void> {
  const [wide, local, taken, udp] = [
    await freeLocalPort(),
    await freeLocalPort(),
    await freeLocalPort(),
    await freeLocalPort(),
  ];
  // Another program on this computer holds `taken` before the container publishes it.
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(taken, '127.0.0.1', resolve));
  try {
    const web = await vmDocker.createContainer({
      Image: image,
      name: `vm-web-${wide}`,
      Cmd: ['sh', '-c', 'mkdir /www && echo hello-from-vm > /www/index.html && exec httpd -f -p 80 -h /www'],
      ExposedPorts: { '80/tcp': {} },
      HostConfig: {
        PortBindings: {
          '80/tcp': [
            { HostIp: '', HostPort: String(wide) },
            { HostIp: '127.0.0.1', HostPort: String(local) },
            { HostIp: '', HostPort: String(taken) },
          ],
        },
      },
    });
    const started = Date.now();
    await web.start();
    expect(await waitUntil(async () => (await get('127.0.0.1', wide)) === 'hello-from-vm\n', DEADLINE_MS, 50)).toBe(
      true,
    );
    console.info(`[vm-test] 127.0.0.1:${wide} answered ${Date.now() - started} ms after the container's start`);
    expect(await get('::1', wide)).toBe('hello-from-vm\n');
    // Bound on the guest's loopback: QEMU's forward cannot reach it, the SSH connection does.
    expect(await waitUntil(async () => (await get('127.0.0.1', local)) === 'hello-from-vm\n', DEADLINE_MS, 50)).toBe(
      true,
    );

    // The taken port: reported on the container's binding and on the Engine page's list, not skipped.
    const listed = (await call('containers:list', { all: true })).find((c) => c.id === web.id)!;
    const binding = listed.ports.find((port) => port.publicPort === taken)!;
    expect(binding.problem).toMatch(new RegExp(`127\\.0\\.0\\.1:${taken} is already in use by another program`));
    expect(listed.ports.find((port) => port.publicPort === wide)?.problem).toBeUndefined();
    const view = (await call('engines:list', {})).find((engine) => engine.id === id)!;
    expect(view.portForwards).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ hostPort: taken, problem: expect.stringMatching(/already in use/) }),
        expect.objectContaining({ hostPort: wide, problem: null, via: 'qemu' }),
        expect.objectContaining({ hostPort: local, problem: null, via: 'ssh' }),
      ]),
    );

    // UDP, through QEMU's forward: an echo server (the guest's perl, its /usr lent to the busybox container).
    const echo = await vmDocker.createContainer({
      Image: image,
      name: `vm-udp-${udp}`,
      Cmd: [
        '/usr/bin/perl',
        '-MIO::Socket::INET',
        '-e',
        '$s = IO::Socket::INET->new(LocalPort => 9999, Proto => "udp") or die "$!"; while (defined $s->recv(my $m, 2048)) { $s->send("echo:$m") }',
      ],
      ExposedPorts: { '9999/udp': {} },
      HostConfig: {
        PortBindings: { '9999/udp': [{ HostIp: '', HostPort: String(udp) }] },
        Binds: ['/usr:/usr:ro', '/usr/lib:/lib:ro', '/usr/lib64:/lib64:ro'],
      },
    });
    await echo.start();
    expect(await waitUntil(async () => (await udpEcho(udp)) === 'echo:ping', DEADLINE_MS, 100)).toBe(true);
    await echo.remove({ force: true });

    // Stopped: its ports stop listening here.
    await web.stop({ t: 1 });
    expect(
      await waitUntil(async () => (await refused('127.0.0.1', wide)) && (await refused('::1', wide)), 10_000, 50),
    ).toBe(true);
    expect(await refused('127.0.0.1', local)).toBe(true);
    const after = (await call('engines:list', {})).find((engine) => engine.id === id)!;
    expect(after.portForwards?.filter((forward) => forward.containerId === web.id)).toEqual([]);
    await web.remove({ force: true });
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
}

/** The body of GET / on host:port, or null when nothing (or something else) answers. */
function get(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const request = http.get({ host, port, path: '/', agent: false, timeout: 2_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(response.statusCode === 200 ? body : null));
      response.on('error', () => resolve(null));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
}

function refused(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

function udpEcho(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const done = (answer: string | null) => {
      clearTimeout(timer);
      socket.close();
      resolve(answer);
    };
    const timer = setTimeout(() => done(null), 1_000);
    socket.once('message', (message) => done(message.toString()));
    socket.send('ping', port, '127.0.0.1');
  });
}
