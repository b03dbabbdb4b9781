// The host listeners Berth opens itself (IPv6 in front of QEMU's forwards, SSH channels): bytes go both ways,
// a taken port fails with the sentence the user reads, and closing frees the port.
import dgram from 'node:dgram';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freeLocalPort } from '../../../../../main/core/engines/free-local-port';
import { listenTcp } from '../../../../../main/core/engines/vm/tcp-relay';
import { listenUdp } from '../../../../../main/core/engines/vm/udp-relay';

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function connectTo(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => resolve(socket)).once('error', reject);
  });
}

describe('listenTcp', () => {
  it('pipes each connection to what open gives, reports a taken port, and frees it on close', async () => {
    const echo = net.createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => echo.close(() => resolve())));
    const echoPort = (echo.address() as net.AddressInfo).port;
    const port = await freeLocalPort();
    const handle = await listenTcp(
      '127.0.0.1',
      port,
      () => connectTo(echoPort),
      () => undefined,
    );
    const client = await connectTo(port);
    const answer = new Promise<string>((resolve) => client.once('data', (data) => resolve(data.toString())));
    client.write('hello');
    expect(await answer).toBe('hello');
    client.destroy();

    await expect(
      listenTcp(
        '127.0.0.1',
        port,
        () => connectTo(echoPort),
        () => undefined,
      ),
    ).rejects.toThrow(`TCP 127.0.0.1:${port} is already in use by another program on this computer.`);
    await handle.close();
    await expect(connectTo(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('listenUdp', () => {
  it('relays datagrams to the target port and the replies back to their sender', async () => {
    const target = dgram.createSocket('udp4');
    target.on('message', (message, from) => target.send(Buffer.from(`re:${message}`), from.port, from.address));
    await new Promise<void>((resolve) => target.bind(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => target.close(() => resolve())));
    const port = await freeLocalPort();
    const handle = await listenUdp('127.0.0.1', port, target.address().port, () => undefined);
    closers.push(() => handle.close());
    const client = dgram.createSocket('udp4');
    closers.push(() => new Promise<void>((resolve) => client.close(() => resolve())));
    const reply = new Promise<string>((resolve) => client.once('message', (data) => resolve(data.toString())));
    client.send('ping', port, '127.0.0.1');
    expect(await reply).toBe('re:ping');
  });
});
