// Cores with their own config folder against the private engine, for the recording tests: made, connected,
// called, closed; and waiting for a condition without asserting on timings.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../../main/core/create-core';
import type { RecorderStoreOptions } from '../../../../main/core/recording/stats-recorder';
import type { Logger } from '../../../../main/core/logger';
import type { Channel, RequestOf, ResponseOf } from '../../../../main/shared/contract';
import { harness } from '../../../harness/context';
import { callCore } from '../core-call';

export const problems: string[] = [];
/** Warnings and errors land here; a history dropped over the cap is logged as info. */
export const log: Logger = {
  info: () => undefined,
  warn: (message) => problems.push(message),
  error: (message, error) => problems.push(`${message} ${String(error)}`),
};

export async function configFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'berth-recording-int-'));
}

/** A connected core keeping its files in `dir` (its stats history in `dir/berth/stats-history`). */
export async function startCore(dir: string, statsHistory: RecorderStoreOptions = {}): Promise<Core> {
  const env = {
    DOCKER_HOST: harness().dockerHost,
    BERTH_CONFIG_DIR: join(dir, 'berth'),
    HOME: dir,
    PATH: process.env.PATH,
  };
  const core = createCore({
    log,
    transport: 'websocket',
    env,
    statsHistory: { flushIntervalMs: 300, ...statsHistory },
  });
  const status = await core.connection.reconnect();
  if (status.state !== 'connected') throw new Error(`[test] the core did not connect: ${JSON.stringify(status)}`);
  return core;
}

export function historyFolder(dir: string): string {
  return join(dir, 'berth', 'stats-history');
}

export function call<C extends Channel>(core: Core, channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  return callCore(core, channel, payload);
}

/** Polls `probe` until it returns something other than undefined; throws with `what` after `ms`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`[test] waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
