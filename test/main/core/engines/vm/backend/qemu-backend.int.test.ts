// The QEMU adapter against the real VM (software emulation here): started through the backend interface with the
// boot the provider uses, the guest engine answers through the SSH access it returns, and a stop powers the guest
// down cleanly (QEMU exits by itself, no kill) and leaves no QEMU behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qemuBackendFrom } from '../../../../../../main/core/engines/vm/backend/qemu-backend';
import { GUEST_DOCKER_SOCKET } from '../../../../../../main/core/engines/vm/guest-protocol';
import { newVmConfig } from '../../../../../../main/core/engines/vm/vm-config';
import { vmLayout } from '../../../../../../main/core/engines/vm/vm-layout';
import { TunnelAgent, tunnelledClient } from '../../../../../../main/core/engines/ssh/tunnel-agent';
import {
  ensureVmImage,
  IMAGE_BUILD_TIMEOUT_MS,
  killProcessesMentioning,
  processesMentioning,
  vmTestDirs,
  type VmTestDirs,
} from '../vm-fixture';

let dirs: VmTestDirs | null = null;

beforeAll(async () => {
  dirs = await vmTestDirs(await ensureVmImage());
}, IMAGE_BUILD_TIMEOUT_MS);

afterAll(async () => {
  if (dirs) await killProcessesMentioning(dirs.base);
  await dirs?.cleanup();
});

describe('QemuBackend on the real VM', () => {
  it('starts to the engine answering over its SSH access, and stops gracefully', async () => {
    const config = newVmConfig({ name: 'adapter', cpus: 2, memoryMiB: 1024, diskGiB: 2 });
    const layout = vmLayout(config.name, dirs!.env);
    const lines: string[] = [];
    const backend = qemuBackendFrom({
      config,
      env: dirs!.env,
      layout,
      note: (line) => lines.push(line),
      serial: () => undefined,
      phase: () => undefined,
      ping: async (tunnel) => {
        const agent = new TunnelAgent(() => tunnel.openChannel());
        try {
          await tunnelledClient(agent, GUEST_DOCKER_SOCKET).ping();
        } finally {
          agent.destroy();
        }
      },
    });
    const states: string[] = [];
    backend.onState((state) => states.push(state));

    const access = await backend.start();
    const booted = backend.booted()!;
    expect(access).toEqual({ kind: 'ssh', host: '127.0.0.1', port: booted.sshPort, user: 'root' });
    const agent = new TunnelAgent(() => booted.tunnel.openChannel());
    try {
      const version = (await tunnelledClient(agent, GUEST_DOCKER_SOCKET).version()) as { ApiVersion?: string };
      expect(version.ApiVersion).toMatch(/^1\.\d+$/);
    } finally {
      agent.destroy();
      booted.tunnel.dispose();
    }

    await expect(backend.stop(30_000)).resolves.toBe('graceful');
    expect(states).toEqual(['starting', 'running', 'stopping', 'stopped']);
    expect(lines.join('\n')).not.toMatch(/killing QEMU/);
    expect(await processesMentioning(dirs!.base)).toEqual([]);
  }, 600_000);
});
