// A VM engine that starts with Berth although another engine is the active one, and that idle stop powers
// off: the settings file declares the VM (startWithBerth, idleStopMinutes 1) with the harness engine active;
// the core boots the VM in the background (QEMU, software emulation) while the harness engine stays the one
// the services use, and, as no container runs in the VM, idle stop ends it, leaving no QEMU behind. Idle stop's
// "minute" is shortened through createCore's vmIdleTiming so the test waits seconds, not minutes.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../../main/core/create-core';
import { DISCOVERED_ID } from '../../../../../main/core/engines/engine-registry';
import { STOP_DEADLINE_MS } from '../../../../../main/core/engines/vm/vm-provider';
import type { IdleTiming } from '../../../../../main/core/engines/vm/idle-stop';
import type { VmEngineConfig } from '../../../../../main/core/engines/vm/vm-config';
import { vmLayout } from '../../../../../main/core/engines/vm/vm-layout';
import { silentLogger } from '../../../../../main/core/logger';
import type { Channel, RequestOf, ResponseOf } from '../../../../../main/shared/contract';
import type { EngineView } from '../../../../../main/shared/engine-manager-types';
import { harness } from '../../../../harness/context';
import { waitUntil } from '../../../../harness/run-command';
import {
  ensureVmImage,
  IMAGE_BUILD_TIMEOUT_MS,
  processesMentioning,
  tearDownVmTest,
  vmTestDirs,
  type VmTestDirs,
} from './vm-fixture';
import { callCore } from '../../core-call';

const READY_DEADLINE_MS = 300_000;
/**
 * One idle "minute" lasts 30 s: long enough that the test sees the VM connected before idle stop can end it
 * (connecting through the tunnel takes seconds after the boot), short enough not to wait a real minute.
 */
const IDLE_TIMING = { checkEveryMs: 2_000, minuteMs: 30_000 } satisfies IdleTiming;
/** Idle for the shortened minute, plus a check's interval, the power-down deadline and some slack. */
const IDLE_STOP_DEADLINE_MS = IDLE_TIMING.minuteMs + IDLE_TIMING.checkEveryMs + STOP_DEADLINE_MS + 30_000;
const name = `t${randomBytes(3).toString('hex')}`;
const id = `vm-${name}`;
let dirs: VmTestDirs | null = null;
let core: Core | null = null;
let vmDir = '';

function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  return callCore(core!, channel, payload);
}

async function vmLog(): Promise<string> {
  return (await call('engines:logs', { id })).slice(-60).join('\n');
}

/** Polls engines:list until `match` holds for one list; returns that list, or throws with the VM's log. */
async function listWhen(
  match: (views: EngineView[]) => boolean,
  timeoutMs: number,
  what: string,
): Promise<EngineView[]> {
  let seen: EngineView[] = [];
  const done = await waitUntil(
    async () => {
      seen = await call('engines:list', {});
      return match(seen);
    },
    timeoutMs,
    500,
  );
  if (!done)
    throw new Error(
      `${what} not within ${timeoutMs / 1000} s; engines: ${JSON.stringify(seen.map(({ id: engine, active, providerState, connection }) => ({ engine, active, providerState, connection: connection.state })))}; the VM's log:\n${await vmLog()}`,
    );
  return seen;
}

const viewOf = (views: EngineView[], engine: string) => views.find((view) => view.id === engine);

beforeAll(async () => {
  const imageDir = await ensureVmImage();
  dirs = await vmTestDirs(imageDir);
  dirs.env.DOCKER_HOST = harness().dockerHost;
  vmDir = vmLayout(name, dirs.env).vmDir;
  // What Berth itself would save for a VM set to start with it and to stop when idle, the harness engine active.
  const vm: VmEngineConfig = {
    id,
    name,
    kind: 'vm',
    cpus: 2,
    memoryMiB: 1024,
    diskGiB: 8,
    startWithBerth: true,
    idleStopMinutes: 1,
  };
  await mkdir(dirs.env.BERTH_CONFIG_DIR!, { recursive: true });
  await writeFile(
    join(dirs.env.BERTH_CONFIG_DIR!, 'settings.json'),
    `${JSON.stringify({ engines: [vm], activeEngineId: DISCOVERED_ID }, null, 2)}\n`,
  );
  core = createCore({ log: silentLogger, transport: 'websocket', env: dirs.env, vmIdleTiming: IDLE_TIMING });
}, IMAGE_BUILD_TIMEOUT_MS);

afterAll(() => tearDownVmTest(core, vmDir, dirs), 120_000);

describe('a VM that starts with Berth while another engine is active (QEMU, software emulation)', () => {
  it('boots without becoming active, then idle stop powers it off leaving no QEMU', { timeout: 900_000 }, async () => {
    // A settings file the schema refused would be moved aside, and the VM would simply never appear.
    expect((await call('settings:get', {})).fileProblem).toBeNull();

    const ready = await listWhen(
      (views) => viewOf(views, id)?.connection.state === 'connected',
      READY_DEADLINE_MS,
      'the VM engine connected',
    );
    expect(viewOf(ready, id)).toMatchObject({ kind: 'vm', active: false, providerState: 'running' });
    expect(viewOf(ready, DISCOVERED_ID)).toMatchObject({ active: true, host: harness().dockerHost });
    expect(ready.filter((view) => view.active).map((view) => view.id)).toEqual([DISCOVERED_ID]);
    // The services still talk to the harness engine, not to the VM that just booted.
    const status = await call('engine:status', {});
    expect(status.endpoint?.host).toBe(harness().dockerHost);
    expect(await processesMentioning(vmDir)).not.toEqual([]);

    // No container runs in the fresh VM: idle stop powers it off after one (shortened) idle minute.
    // The connection hears of it at once too (not at its next health check).
    const stopped = await listWhen(
      (views) => viewOf(views, id)?.providerState === 'stopped' && viewOf(views, id)?.connection.state !== 'connected',
      IDLE_STOP_DEADLINE_MS,
      'the VM stopped by idle stop, its connection down',
    );
    expect(viewOf(stopped, id)).toMatchObject({ active: false, canStart: true });
    expect(viewOf(stopped, DISCOVERED_ID)).toMatchObject({ active: true });
    const log = await call('engines:logs', { id });
    expect(log).toContain('[vm] powering down (no container ran for 1 min (idle stop))');
    expect(log.some((line) => line.startsWith('[vm] QEMU exited ('))).toBe(true);
    expect(await processesMentioning(vmDir)).toEqual([]);
    expect(existsSync(vmLayout(name, dirs!.env).hostSocket)).toBe(false);
    expect((await call('engine:status', {})).endpoint?.host).toBe(harness().dockerHost);
  });
});
