// The serve attack suite: a real `berth serve` process (the built CLI against the private engine) probed as a
// local attacker would, over loopback only. Every probe is refused or bounded, and after each one the server is
// alive and a legitimate client still gets a real answer from the core through the bridge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../../../main/core/engines/dockerd/leftovers';
import { harness } from '../../../harness/context';
import { startServe, type ServeProcess } from '../../../harness/serve-process';
import { legitimateCall, rawConnect, upgradeRequest } from './serve-probes';

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
          const socket = await rawConnect(serve.port, upgradeRequest(serve.port, '?token=not-the-token')).catch(() => null);
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
});
