// The VM engine end to end, under software emulation: boot the guest image with QEMU (tcg) through Berth's
// core, wait for its engine through the SSH tunnel, load the harness's busybox image into it, run a
// container with limits and change them live, reach it with the real docker CLI through the `berth-<name>`
// context, see its stats come from the in-guest collector (one SSH channel for all containers), reach its
// containers' published ports on this computer (vm-port-checks.ts), see memory and disk that containers freed
// given back to the host (vm-give-back-checks.ts), power off leaving no QEMU behind, and boot again to find the
// container kept on the data disk.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createCore, type Core } from '../../../../../main/core/create-core';
import { vmLayout } from '../../../../../main/core/engines/vm/vm-layout';
import { silentLogger } from '../../../../../main/core/logger';
import type { Channel, RequestOf, ResponseOf } from '../../../../../main/shared/contract';
import { emptyRunSpec } from '../../../../../main/shared/run-spec';
import { statsFields } from '../../../../../main/shared/stats-types';
import { harness } from '../../../../harness/context';
import { waitUntil } from '../../../../harness/run-command';
import { HubRecorder } from '../../hub-recorder';
import {
  ensureVmImage,
  IMAGE_BUILD_TIMEOUT_MS,
  processesMentioning,
  tearDownVmTest,
  vmTestDirs,
  type VmTestDirs,
} from './vm-fixture';
import { checkSharedFolder } from './vm-shares-check';
import { callCore } from '../../core-call';
import { checkDiskGivenBack, checkMemoryGivenBack } from './vm-give-back-checks';
import { checkGiveBackOnPage } from './vm-give-back-page';
import { checkPublishedPorts } from './vm-port-checks';

const MiB = 1024 * 1024;
const READY_DEADLINE_MS = 300_000;
const name = `t${randomBytes(3).toString('hex')}`;
const id = `vm-${name}`;
const contextName = `berth-${name}`;
const containerName = `vm-idle-${name}`;
let dirs: VmTestDirs | null = null;
let core: Core | null = null;
let vmDir = '';

function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  return callCore(core!, channel, payload);
}

async function vmView() {
  return (await call('engines:list', {})).find((engine) => engine.id === id);
}

async function waitForEngine(): Promise<void> {
  const ready = await waitUntil(
    async () => (await vmView())?.connection.state === 'connected',
    READY_DEADLINE_MS,
    1_000,
  );
  if (!ready)
    throw new Error(
      `the VM engine did not get ready within ${READY_DEADLINE_MS / 1000} s; its log:\n${(await call('engines:logs', { id })).slice(-60).join('\n')}`,
    );
}

beforeAll(async () => {
  const imageDir = await ensureVmImage();
  dirs = await vmTestDirs(imageDir);
  dirs.env.DOCKER_HOST = harness().dockerHost;
  // The VM shares the user's home by default: here a temp folder stands in for it (vm-shares-check.ts).
  dirs.env.HOME = await mkdir(join(dirs.base, 'home'), { recursive: true }).then(() => join(dirs!.base, 'home'));
  vmDir = vmLayout(name, dirs.env).vmDir;
  core = createCore({ log: silentLogger, transport: 'websocket', env: dirs.env });
}, IMAGE_BUILD_TIMEOUT_MS);

afterAll(() => tearDownVmTest(core, vmDir, dirs), 120_000);

describe('the VM engine (QEMU, software emulation)', () => {
  it(
    'boots, runs a limited container, answers the docker CLI, powers off, and keeps the container',
    { timeout: 900_000 },
    async () => {
      // A failure mid-way says little without the VM's side of it (serial console, tunnel, guest engine).
      onTestFailed(async () => {
        const lines = await call('engines:logs', { id }).catch(() => ['(the engine log could not be read)']);
        console.info(`[vm-test] the VM engine's log at the failure:\n${lines.slice(-80).join('\n')}`);
      });
      const added = await call('engines:add-vm', { name, cpus: 2, memoryMiB: 1024, diskGiB: 8 });
      expect(added).toMatchObject({ id, kind: 'vm', dockerContext: contextName });
      await call('engines:set-active', { id });
      await waitForEngine();
      const phases = (await vmView())?.bootPhases ?? [];
      console.info(
        `[vm-test] boot phases: ${phases.map((phase) => `${phase.phase}=${(phase.atMs / 1000).toFixed(1)}s`).join(' ')}`,
      );
      expect(phases.map((phase) => phase.phase)).toEqual(
        expect.arrayContaining(['qemu', 'init', 'ssh', 'engine', 'ready']),
      );

      // The busybox image travels from the harness engine into the guest through the tunnel.
      const vmDocker = core!.engines.connectionOf(id).client();
      const exported = await new Dockerode({ socketPath: harness().socketPath }).getImage(harness().busyboxImage).get();
      const loading = await vmDocker.loadImage(exported);
      await new Promise((resolve, reject) =>
        vmDocker.modem.followProgress(loading, (error) => (error ? reject(error) : resolve(undefined))),
      );

      const spec = {
        ...emptyRunSpec(harness().busyboxImage),
        name: containerName,
        command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait'],
        limits: { memoryBytes: 64 * MiB, cpus: 0.5 },
      };
      const [run] = await call('containers:run', { spec });
      expect(run).toMatchObject({ name: containerName });
      expect((await call('limits:get', { id: containerName })).limits).toMatchObject({
        memoryBytes: 64 * MiB,
        cpus: 0.5,
      });
      const applied = await call('limits:apply', { id: containerName, change: { memoryBytes: 96 * MiB, cpus: 1 } });
      expect(applied.after).toMatchObject({ memoryBytes: 96 * MiB, cpus: 1 });
      expect((await call('limits:get', { id: containerName })).limits).toMatchObject({
        memoryBytes: 96 * MiB,
        cpus: 1,
      });
      // Swap limits too: the guest's engine accounts swap (it runs in a cgroup of its own, see berth-init).
      const view = await call('limits:get', { id: containerName });
      expect(view.capabilities.swapLimitSupported).toBe(true);
      const swapped = await call('limits:apply', { id: containerName, change: { memorySwapBytes: 160 * MiB } });
      expect(swapped.after).toMatchObject({ memoryBytes: 96 * MiB, memorySwapBytes: 160 * MiB });
      expect((await call('limits:get', { id: containerName })).limits.memorySwapBytes).toBe(160 * MiB);

      // Stats from the in-guest collector: the live limit (96 MiB) arrives in its samples.
      const recorder = new HubRecorder(core!.hub);
      const watch = await call('stats:watch', { ids: [run!.id] });
      expect(watch.collector).toBe('guest');
      const memLimit = statsFields.indexOf('memLimitBytes');
      const tick = await recorder.next(
        'stats:tick',
        (t) => t.samples.some((sample) => sample.id === run!.id && sample.v[memLimit] === 96 * MiB),
        30_000,
        'a guest stats sample with the live limit',
      );
      const sample = tick.payload.samples.find((entry) => entry.id === run!.id)!;
      expect(sample.v[statsFields.indexOf('memBytes')]).toBeGreaterThan(0);
      recorder.dispose();
      await call('stats:watch', { ids: [] });

      // What the VM gives back to the host: memory a container frees, disk a removed container used.
      await checkMemoryGivenBack(call, id, vmDocker, harness().busyboxImage);
      await checkDiskGivenBack(call, id, vmDocker, harness().busyboxImage);
      await checkGiveBackOnPage(core!, name);
      await checkSharedFolder(call, vmDocker, dirs!.env.HOME!);
      // virtiofsd is installed and Berth runs as root here: virtiofs serves the first boot.
      expect((await call('engines:logs', { id })).join('\n')).toContain('shared folders mounted over virtiofs');

      const cli = await promisify(execFile)(
        '/usr/bin/docker',
        ['--context', contextName, 'ps', '--format', '{{.Names}}'],
        { env: { ...process.env, DOCKER_CONFIG: dirs!.env.DOCKER_CONFIG, DOCKER_HOST: '' }, timeout: 60_000 },
      );
      expect(cli.stdout.split('\n')).toContain(containerName);

      await checkPublishedPorts(call, vmDocker, harness().busyboxImage, id);

      expect((await call('engines:stop', { id })).providerState).toBe('stopped');
      expect(await processesMentioning(vmDir)).toEqual([]);
      expect(existsSync(vmLayout(name, dirs!.env).hostSocket)).toBe(false);

      // The second boot uses virtio-9p, the fallback where virtiofs cannot run (the provider reads this env).
      dirs!.env.BERTH_VM_SHARES = '9p';
      const started = await call('engines:start', { id });
      expect(started.providerState).toBe('running');
      await waitForEngine();
      expect((await call('engines:logs', { id })).join('\n')).toContain('shared folders mounted over virtio-9p');
      await checkSharedFolder(call, core!.engines.connectionOf(id).client(), dirs!.env.HOME!);
      const names = (await call('containers:list', { all: true })).map((container) => container.name);
      expect(names).toContain(containerName);

      await call('engines:remove', { id, deleteData: true });
      expect(await processesMentioning(vmDir)).toEqual([]);
      expect(existsSync(vmDir)).toBe(false);
    },
  );
});
