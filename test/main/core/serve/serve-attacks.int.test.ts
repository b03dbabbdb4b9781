// The serve attack suite: a real `berth serve` process (the built CLI against the private engine) probed as a
// local attacker would, over loopback only. Every probe is refused or bounded, and after each one the server is
// alive and a legitimate client still gets a real answer from the core through the bridge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../../../main/core/engines/dockerd/leftovers';
import { harness } from '../../../harness/context';
import { startServe, type ServeProcess } from '../../../harness/serve-process';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { sessionPrefix } from '../../../../main/core/serve/serve-security';
import {
  call,
  get,
  legitimateCall,
  openBridge,
  rawConnect,
  rssMiB,
  upgradeRequest,
  type BridgeReply,
} from './serve-probes';

let serve: ServeProcess;

beforeAll(async () => {
  serve = await startServe(harness().dockerHost);
});
afterAll(async () => {
  await serve?.stop();
});

/** The server is alive and the core answers a legitimate request through the bridge. */
async function expectServing(): Promise<void> {
  expect(isAlive(serve.pid), `serve died:\n${serve.output()}`).toBe(true);
  const answer = await legitimateCall(serve.port, serve.token);
  expect(answer.reply.ok, JSON.stringify(answer.reply)).toBe(true);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('serve attack suite', () => {
  it('survives upgrades with a bad token whose connection is reset (RST) before the refusal is written, a few hundred at once', async () => {
    const resets = 300;
    for (let batch = 0; batch < resets / 50; batch += 1) {
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          // A connect that fails means the server is gone; expectServing says so with its output.
          const socket = await rawConnect(serve.port, upgradeRequest(serve.port, '?token=not-the-token')).catch(
            () => null,
          );
          socket?.on('error', () => undefined);
          socket?.resetAndDestroy();
        }),
      );
      await sleep(20);
    }
    // A refusal the server writes after the reset fails asynchronously: give it the time to.
    await sleep(500);
    await expectServing();
  });

  it('answers 400 to request targets that are not URLs, as a plain request and as an upgrade', async () => {
    for (const target of ['http://[', 'http://[/bridge', '//[']) {
      for (const upgrade of [false, true]) {
        const request = upgradeRequest(serve.port, '').replace('GET /bridge HTTP', `GET ${target} HTTP`);
        const text = upgrade ? request : request.replace(/Upgrade: websocket\r\nConnection: Upgrade\r\n/, '');
        const answer = await rawAnswer(await rawConnect(serve.port, text));
        expect(answer, `${target} ${upgrade ? 'upgrade' : 'request'}`).toMatch(/^HTTP\/1\.1 400/);
      }
    }
    await expectServing();
  });

  it('refuses no token, a wrong token, a foreign Origin and a rebinding Host, on the link, the files and the bridge', async () => {
    const { port, token } = serve;
    const prefix = sessionPrefix(token);
    const foreign = { origin: 'http://evil.example' };
    const rebound = { host: `rebind.evil.example:${port}` };
    const refusals: [string, number, number][] = [
      ['no token', (await get(port, '/')).status, 401],
      ['wrong token', (await get(port, '/?token=not-the-token')).status, 401],
      ['token of the same length', (await get(port, `/?token=${'A'.repeat(token.length)}`)).status, 401],
      ['token with a foreign Origin', (await get(port, `/?token=${token}`, foreign)).status, 403],
      ['token with a null Origin', (await get(port, `/?token=${token}`, { origin: 'null' })).status, 403],
      ['token with a rebinding Host', (await get(port, `/?token=${token}`, rebound)).status, 403],
      ['files from another site', (await get(port, prefix, { 'sec-fetch-site': 'cross-site' })).status, 403],
      ['files from another local port', (await get(port, prefix, { 'sec-fetch-site': 'same-site' })).status, 403],
      ['files with a rebinding Host', (await get(port, prefix, rebound)).status, 403],
      ['files without the prefix', (await get(port, '/index.html')).status, 401],
      ['traversal out of the prefix', (await get(port, `${prefix}..%2f..%2f..%2fetc%2fpasswd`)).status, 404],
    ];
    for (const [what, status, expected] of refusals) expect(status, what).toBe(expected);
    const bridgeRefusals: [string, Promise<unknown>, string][] = [
      ['no token', openBridge(port, ''), 'HTTP 401'],
      ['wrong token', openBridge(port, '?token=not-the-token'), 'HTTP 401'],
      ['foreign Origin', openBridge(port, `?token=${token}`, foreign), 'HTTP 403'],
      ['null Origin', openBridge(port, `?token=${token}`, { origin: 'null' }), 'HTTP 403'],
      ['rebinding Host', openBridge(port, `?token=${token}`, rebound), 'HTTP 403'],
    ];
    for (const [what, attempt, expected] of bridgeRefusals) await expect(attempt, what).rejects.toThrow(expected);
    const elsewhere = await rawAnswer(
      await rawConnect(port, upgradeRequest(port, `?token=${token}`).replace('/bridge', '/elsewhere')),
    );
    expect(elsewhere).toMatch(/^HTTP\/1\.1 404/);
    await expectServing();
  });

  it('closes on huge or malformed frames and answers bad requests with typed errors, the connection kept where it can be', async () => {
    const { port, token } = serve;
    const socket = await openBridge(port, `?token=${token}`, { origin: `http://127.0.0.1:${port}` });
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const typed: [string, unknown][] = [
      ['not JSON', 'not json {'],
      ['deep nesting', deep],
      ['deep payload', `{"id":1,"channel":"containers:list","payload":{"all":${deep}}}`],
      ['negative id', { id: -1, channel: 'containers:list', payload: {} }],
      [
        'prototype keys',
        '{"id":2,"channel":"containers:list","payload":{"__proto__":{"all":true},"constructor":{"prototype":{}}}}',
      ],
      ['channel of another type', { id: 3, channel: { toString: 1 }, payload: {} }],
      ['unknown channel', { id: 4, channel: '../../engines:remove', payload: {} }],
      ['odd unicode', { id: 5, channel: 'containers:list\u202e\u0000', payload: { all: '\ud800' } }],
    ];
    for (const [what, frame] of typed) {
      const answer = await call(socket, frame);
      expect(answer.reply.ok, what).toBe(false);
      expect(['INVALID_PAYLOAD', 'UNKNOWN_CHANNEL'], what).toContain(answer.reply.error?.code);
    }
    const binary = new Promise<BridgeReply>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(data.toString()))),
    );
    socket.send(Buffer.from([0, 1, 2, 3]));
    expect((await binary).reply.error?.code).toBe('INVALID_PAYLOAD');
    expect(socket.readyState).toBe(WebSocket.OPEN);

    // Over the 1 MiB frame limit: closed with 1009 (message too big), nothing buffered for it.
    const tooBig = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(2 * 1024 * 1024));
    expect(await tooBig).toBe(1009);

    // Frames no WebSocket client may send, written raw after a real handshake: unmasked, a reserved
    // opcode, invalid UTF-8 in a text frame, a length field of 2^63. Each ends that connection only.
    const badFrames = [
      Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]),
      Buffer.from([0x83, 0x80, 1, 2, 3, 4]),
      Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28]),
      Buffer.from([0x81, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]),
      Buffer.from('GET / HTTP/1.1\r\n\r\n'),
    ];
    for (const frame of badFrames) {
      const raw = await rawConnect(
        port,
        upgradeRequest(port, `?token=${token}`, { Origin: `http://127.0.0.1:${port}` }),
      );
      raw.on('error', () => undefined);
      expect(await rawAnswer(raw)).toMatch(/^HTTP\/1\.1 101/);
      const ended = new Promise<void>((resolve) => raw.once('close', () => resolve()));
      raw.write(frame);
      await ended;
    }
    await expectServing();
  });

  it('answers 200 connections at once, refused and accepted, and a legitimate client during them', async () => {
    const { port, token } = serve;
    const origin = { origin: `http://127.0.0.1:${port}` };
    const refused = Array.from({ length: 100 }, () =>
      openBridge(port, '?token=nope').then(
        () => 'open',
        (error: Error) => error.message,
      ),
    );
    const accepted = Array.from({ length: 100 }, async (_, index) => {
      const socket = await openBridge(port, `?token=${token}`, origin);
      const answer = await call(socket, { id: index, channel: 'containers:list', payload: { all: true } });
      socket.close();
      return answer.reply.ok;
    });
    const during = expectServing();
    expect(new Set(await Promise.all(refused))).toEqual(new Set(['HTTP 401']));
    expect(new Set(await Promise.all(accepted))).toEqual(new Set([true]));
    await during;
    await expectServing();
  });

  it('bounds a client that never reads, and one that sends headers and never finishes', async () => {
    const { port, token } = serve;
    const before = rssMiB(serve.pid);
    const hanging: Socket[] = [];
    for (let index = 0; index < 100; index += 1) {
      const socket = await rawConnect(port, `GET /?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `);
      socket.on('error', () => undefined);
      hanging.push(socket);
    }
    const reader = await openBridge(port, `?token=${token}`, { origin: `http://127.0.0.1:${port}` });
    const deaf = await openBridge(port, `?token=${token}`, { origin: `http://127.0.0.1:${port}` });
    deaf.on('error', () => undefined);
    deaf.pause();
    // Bursts larger than the in-flight limit, for 3 s, never reading an answer.
    const started = Date.now();
    let sent = 0;
    while (Date.now() - started < 3000) {
      for (let burst = 0; burst < 200; burst += 1) {
        deaf.send(JSON.stringify({ id: (sent += 1), channel: 'containers:list', payload: { all: true } }));
      }
      await sleep(20);
    }
    await expectServing();
    const grown = rssMiB(serve.pid) - before;
    console.info(
      `[attack] ${sent} unread requests in 3 s: serve RSS ${before.toFixed(1)} → ${(before + grown).toFixed(1)} MiB`,
    );
    expect(grown, `RSS grew by ${grown.toFixed(1)} MiB after ${sent} unread requests`).toBeLessThan(64);
    // Once it reads, what it gets is answers or TOO_MANY_REQUESTS, each a typed reply.
    const codes = new Set<string>();
    deaf.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as BridgeReply & { type: string };
      if (frame.type === 'reply') codes.add(frame.reply.ok ? 'ok' : (frame.reply.error?.code ?? '?'));
    });
    deaf.resume();
    await sleep(1000);
    expect(
      [...codes].every((code) => code === 'ok' || code === 'TOO_MANY_REQUESTS'),
      [...codes].join(', '),
    ).toBe(true);
    expect(codes.has('TOO_MANY_REQUESTS')).toBe(true);
    deaf.terminate();
    reader.close();
    for (const socket of hanging) socket.destroy();
    await expectServing();
  });

  it('logged no failure of its own through all of it, only one line per connection closed for a bad frame', () => {
    const output = serve.output();
    expect(output).not.toMatch(
      /\[serve\] (a request failed|an upgrade failed|server error|sending .* failed)|failed outside the router|Unhandled|uncaught/i,
    );
    expect(output.split('\n').filter((line) => line.startsWith('[bridge]')).length).toBeLessThan(20);
  });
});

/** The first chunk a raw connection receives (the status line and headers of an answer). */
function rawAnswer(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.on('error', () => undefined);
    socket.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    socket.once('close', () => resolve(''));
  });
}
