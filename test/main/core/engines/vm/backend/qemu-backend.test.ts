// What the QEMU adapter maps, over a scripted boot and QEMU process (the real ones are exercised by the VM's
// integration tests through the provider): the engine's SSH access from the boot, the boot's failure, QEMU dying
// while running, a stop's outcome from QEMU's exit, and the traits the provider relies on.
import { describe, expect, it, vi } from 'vitest';
import { QemuBackend, QEMU_TRAITS } from '../../../../../../main/core/engines/vm/backend/qemu-backend';
import type { QemuExit } from '../../../../../../main/core/engines/vm/qemu-process';
import type { BootedVm } from '../../../../../../main/core/engines/vm/vm-boot';

function fakeBooted(powerDownExit: QemuExit) {
  let exitWith: (exit: QemuExit) => void = () => undefined;
  const qemu = {
    pid: 777,
    running: true,
    exited: new Promise<QemuExit>((resolve) => (exitWith = resolve)),
    powerDown: vi.fn((_deadlineMs: number, _note: (line: string) => void) => {
      qemu.running = false;
      exitWith(powerDownExit);
      return Promise.resolve(powerDownExit);
    }),
  };
  const booted = { qemu, sshPort: 40022, tunnel: {}, accel: 'tcg' } as unknown as BootedVm;
  return {
    booted,
    qemu,
    die: (exit: QemuExit) => {
      qemu.running = false;
      exitWith(exit);
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('QemuBackend', () => {
  it("maps a boot to the engine's SSH access on loopback as root", async () => {
    const { booted } = fakeBooted({ code: 0, signal: null });
    const backend = new QemuBackend({ boot: () => Promise.resolve(booted), note: () => undefined });
    const states: string[] = [];
    backend.onState((state) => states.push(state));
    await expect(backend.start()).resolves.toEqual({ kind: 'ssh', host: '127.0.0.1', port: 40022, user: 'root' });
    expect(backend.booted()).toBe(booted);
    expect(states).toEqual(['starting', 'running']);
  });

  it("maps a boot's failure to failed with its message", async () => {
    const backend = new QemuBackend({
      boot: () => Promise.reject(new Error('QEMU exited before engine readiness: could not access KVM kernel module')),
      note: () => undefined,
    });
    await expect(backend.start()).rejects.toThrow(/could not access KVM/);
    expect(backend.state()).toBe('failed');
    expect(backend.failure()).toMatch(/^QEMU exited before engine readiness/);
  });

  it('powers down with the deadline and the note, graceful when QEMU exits by itself', async () => {
    const { booted, qemu } = fakeBooted({ code: 0, signal: null });
    const note = vi.fn();
    const backend = new QemuBackend({ boot: () => Promise.resolve(booted), note });
    await backend.start();
    await expect(backend.stop(30_000)).resolves.toBe('graceful');
    expect(qemu.powerDown).toHaveBeenCalledWith(30_000, note);
    expect(backend.booted()).toBeNull();
    expect(backend.state()).toBe('stopped');
  });

  it('says forced when powerDown had to kill QEMU', async () => {
    const { booted } = fakeBooted({ code: null, signal: 'SIGKILL' });
    const backend = new QemuBackend({ boot: () => Promise.resolve(booted), note: () => undefined });
    await backend.start();
    await expect(backend.stop(10)).resolves.toBe('forced');
  });

  it('goes to failed when QEMU dies while running; a stop then just clears it', async () => {
    const { booted, qemu, die } = fakeBooted({ code: 0, signal: null });
    const backend = new QemuBackend({ boot: () => Promise.resolve(booted), note: () => undefined });
    await backend.start();
    die({ code: null, signal: 'SIGSEGV' });
    await tick();
    expect(backend.state()).toBe('failed');
    expect(backend.failure()).toBe('QEMU exited unexpectedly (signal SIGSEGV)');
    await expect(backend.stop(1_000)).resolves.toBe('graceful');
    expect(qemu.powerDown).not.toHaveBeenCalled();
    expect(backend.state()).toBe('stopped');
  });

  it('waits for a boot in progress before stopping it', async () => {
    const { booted, qemu } = fakeBooted({ code: 0, signal: null });
    let finishBoot: (vm: BootedVm) => void = () => undefined;
    const backend = new QemuBackend({
      boot: () => new Promise<BootedVm>((resolve) => (finishBoot = resolve)),
      note: () => undefined,
    });
    const starting = backend.start();
    const stopping = backend.stop(1_000);
    await tick();
    expect(qemu.powerDown).not.toHaveBeenCalled();
    finishBoot(booted);
    await starting;
    await expect(stopping).resolves.toBe('graceful');
    expect(qemu.powerDown).toHaveBeenCalledTimes(1);
  });

  it("keeps today's mechanisms in its traits, and has no save/resume until the migration lands", async () => {
    expect(QEMU_TRAITS.shares.mechanism).toBe('virtiofs-or-9p');
    expect(QEMU_TRAITS.shares.guestPath('/home/me/src')).toBe('/home/me/src');
    expect(QEMU_TRAITS.portForwards.mode).toBe('qmp-hostfwd');
    expect(QEMU_TRAITS.memoryGiveBack.mechanism).toBe('balloon-free-page-reporting');
    const backend = new QemuBackend({ boot: () => Promise.reject(new Error('unused')), note: () => undefined });
    await expect(backend.save()).rejects.toThrow(
      /save is not supported by the qemu backend: not through this adapter yet/,
    );
  });
});
