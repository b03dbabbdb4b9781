// The crash policy in a real `berth serve` (the built cli against the private engine): an uncaught exception
// and an unhandled rejection inside it (injected with SIGUSR2 and BERTH_TEST_FAULTS=1) are logged with their
// stacks, and the process keeps serving a client on its WebSocket bridge. Before the policy, either one
// killed the process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { harness } from '../../../harness/context';
import { isAlive, waitUntil } from '../../../harness/run-command';
import { startServe, type ServeProcess } from '../../../harness/serve-process';

let serve: ServeProcess;

beforeAll(async () => {
  serve = await startServe(harness().dockerHost, [], { BERTH_TEST_FAULTS: '1' });
});
afterAll(async () => {
  await serve?.stop();
});

function appInfo(): Promise<{ ok: boolean; data?: { transport?: string } }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/bridge?token=${serve.token}`, {
      headers: { origin: `http://127.0.0.1:${serve.port}` },
    });
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ id: 1, channel: 'app:info', payload: {} })));
    socket.on('message', (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString());
      if (frame.type !== 'reply') return;
      socket.close();
      resolve(frame.reply);
    });
  });
}

describe('berth serve after an error nothing caught', () => {
  it('logs it with its stack and keeps serving', async () => {
    process.kill(serve.pid, 'SIGUSR2');
    expect(
      await waitUntil(
        () => /unexpected rejection/.test(serve.output()) && /unexpected error/.test(serve.output()),
        5_000,
      ),
    ).toBe(true);
    expect(serve.output()).toMatch(
      /\[core\] unexpected error \(Berth keeps running[^\n]*\n?[^\n]*injected fault: an uncaught exception\n\s+at /,
    );
    // Twice more: one bad event must not count as a broken process.
    process.kill(serve.pid, 'SIGUSR2');
    process.kill(serve.pid, 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(isAlive(serve.pid)).toBe(true);
    expect(await appInfo()).toMatchObject({ ok: true, data: { transport: 'websocket' } });
  });
});
