// The vfkit backend's state machine, driven by a scripted vfkit process and REST API (no Mac here): a normal
// start and stop, a vfkit that exits early, a REST call that fails, a stop that times out into HardStop, and a
// VM that dies while running.
import { describe, expect, it } from 'vitest';
import type { VfkitInputs } from '../../../../../../main/core/engines/vm/backend/vfkit-args';
import { VfkitBackend, type VfkitBackendDeps } from '../../../../../../main/core/engines/vm/backend/vfkit-backend';
import type {
  VfkitMachineState,
  VfkitRest,
  VfkitStateChange,
} from '../../../../../../main/core/engines/vm/backend/vfkit-rest';
import { UnsupportedByBackend } from '../../../../../../main/core/engines/vm/backend/vm-backend';
import { fakeSpawner, type FakeChild } from './fake-child';

const inputs: VfkitInputs = {
  cpus: 2,
  memoryMiB: 1024,
  kernel: '/img/Image',
  initrd: '/img/initrd',
  osDisk: '/vm/os.img',
  dataDisk: '/vm/data.img',
  serialLog: '/vm/serial.log',
  restSocket: '/run/vfkit.sock',
  engineSocket: '/run/engine.sock',
  sshSocket: '/run/ssh.sock',
  sharedFolders: ['/Users'],
};

/** A REST API whose machine state the test sets, recording the changes asked; `failing` makes calls reject. */
class ScriptedRest implements VfkitRest {
  machine: VfkitMachineState | 'refused' = 'refused';
  readonly asked: VfkitStateChange[] = [];
  failing: VfkitStateChange[] = [];
  onChange: (state: VfkitStateChange) => void = () => undefined;

  state() {
    if (this.machine === 'refused') return Promise.reject(new Error('connect ECONNREFUSED /run/vfkit.sock'));
    return Promise.resolve({ state: this.machine, canStop: true, canHardStop: true });
  }

  change(state: VfkitStateChange) {
    this.asked.push(state);
    if (this.failing.includes(state)) return Promise.reject(new Error(`HTTP 500: cannot ${state}`));
    this.onChange(state);
    return Promise.resolve();
  }
}

function setup(overrides: Partial<VfkitBackendDeps> = {}) {
  const { spawn, children } = fakeSpawner();
  const rest = new ScriptedRest();
  const notes: string[] = [];
  const states: string[] = [];
  let engineUp = false;
  const backend = new VfkitBackend({
    binary: '/opt/homebrew/bin/vfkit',
    inputs: () => Promise.resolve(inputs),
    spawn,
    rest,
    ping: () => (engineUp ? Promise.resolve() : Promise.reject(new Error('connect ENOENT /run/engine.sock'))),
    note: (line) => notes.push(line),
    timing: { readyDeadlineMs: 2_000, pollMs: 5, hardStopGraceMs: 50 },
    ...overrides,
  });
  backend.onState((state, why) => states.push(why ? `${state}: ${why}` : state));
  return {
    backend,
    rest,
    notes,
    states,
    child: (): FakeChild => children[0],
    children,
    engineUp: () => (engineUp = true),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('VfkitBackend', () => {
  it('starts vfkit, waits for REST to say running and for the engine, and returns the vsock sockets', async () => {
    const t = setup();
    const started = t.backend.start();
    await tick();
    expect(t.child().binary).toBe('/opt/homebrew/bin/vfkit');
    expect(t.child().args).toContain('--restful-uri');
    expect(t.backend.state()).toBe('starting');
    t.rest.machine = 'VirtualMachineStateStarting';
    await tick();
    t.rest.machine = 'VirtualMachineStateRunning';
    await tick();
    expect(t.backend.state()).toBe('starting');
    t.engineUp();
    await expect(started).resolves.toEqual({
      kind: 'unix',
      engineSocket: '/run/engine.sock',
      sshSocket: '/run/ssh.sock',
      user: 'root',
    });
    expect(t.states).toEqual(['starting', 'running']);
  });

  it('stops gracefully when the guest goes down after REST "Stop"', async () => {
    const t = setup();
    t.rest.machine = 'VirtualMachineStateRunning';
    t.engineUp();
    await t.backend.start();
    t.rest.onChange = (state) => {
      if (state === 'Stop') setTimeout(() => t.child().end(), 10);
    };
    await expect(t.backend.stop(1_000)).resolves.toBe('graceful');
    expect(t.rest.asked).toEqual(['Stop']);
    expect(t.child().signals).toEqual([]);
    expect(t.states).toEqual(['starting', 'running', 'stopping', 'stopped']);
  });

  it('fails the start with what vfkit said when it exits early, and can start again', async () => {
    const t = setup();
    const started = t.backend.start();
    await tick();
    t.child().say('Error: vfkit: kernel is compressed; on Apple silicon it must be uncompressed\n');
    t.child().end({ code: 1, signal: null });
    await expect(started).rejects.toThrow(/vfkit exited \(exit code 1\): Error: vfkit: kernel is compressed/);
    expect(t.backend.state()).toBe('failed');
    expect(t.backend.failure()).toMatch(/^vfkit could not start the VM: vfkit exited/);
    t.rest.machine = 'VirtualMachineStateRunning';
    t.engineUp();
    await expect(t.backend.start()).resolves.toMatchObject({ kind: 'unix' });
    expect(t.children).toHaveLength(2);
  });

  it('fails the start when vfkit reports its error state, killing vfkit', async () => {
    const t = setup();
    t.rest.machine = 'VirtualMachineStateError';
    await expect(t.backend.start()).rejects.toThrow('vfkit reports the VM in its error state');
    expect(t.child().signals).toEqual(['SIGKILL']);
    expect(t.backend.state()).toBe('failed');
  });

  it("names REST's last refusal when the VM never reports running", async () => {
    const t = setup({ timing: { readyDeadlineMs: 60, pollMs: 5, hardStopGraceMs: 50 } });
    await expect(t.backend.start()).rejects.toThrow(
      /waited 0.06 s for the VM to run in vain; vfkit's REST API: connect ECONNREFUSED/,
    );
    expect(t.child().signals).toEqual(['SIGKILL']);
  });

  it('forces the stop with HardStop when the REST "Stop" call fails', async () => {
    const t = setup();
    t.rest.machine = 'VirtualMachineStateRunning';
    t.engineUp();
    await t.backend.start();
    t.rest.failing = ['Stop'];
    t.rest.onChange = (state) => {
      if (state === 'HardStop') t.child().end({ code: 0, signal: null });
    };
    await expect(t.backend.stop(1_000)).resolves.toBe('forced');
    expect(t.rest.asked).toEqual(['Stop', 'HardStop']);
    expect(t.notes.join('\n')).toMatch(/could not ask the guest to stop through vfkit \(HTTP 500: cannot Stop\)/);
    expect(t.backend.state()).toBe('stopped');
  });

  it('sends HardStop once the deadline passes, and kills vfkit if it still does not exit', async () => {
    const t = setup();
    t.rest.machine = 'VirtualMachineStateRunning';
    t.engineUp();
    await t.backend.start();
    await expect(t.backend.stop(30)).resolves.toBe('forced');
    expect(t.rest.asked).toEqual(['Stop', 'HardStop']);
    expect(t.child().signals).toEqual(['SIGKILL']);
    expect(t.notes.join('\n')).toMatch(/did not stop within 0.03 s: forcing it \(HardStop\)/);
    expect(t.notes.join('\n')).toMatch(/did not exit 0.05 s after HardStop: killing it/);
    expect(t.states.at(-1)).toBe('stopped');
  });

  it('goes to failed when vfkit exits while the VM runs, and a stop then only clears it', async () => {
    const t = setup();
    t.rest.machine = 'VirtualMachineStateRunning';
    t.engineUp();
    await t.backend.start();
    t.child().say('virtualization error: the guest crashed');
    t.child().end({ code: 1, signal: null });
    await tick();
    expect(t.backend.state()).toBe('failed');
    expect(t.backend.failure()).toBe(
      'vfkit exited (exit code 1): virtualization error: the guest crashed while the VM was running',
    );
    await expect(t.backend.stop(1_000)).resolves.toBe('graceful');
    expect(t.rest.asked).toEqual([]);
    expect(t.backend.state()).toBe('stopped');
  });

  it('a stop during the start wins: the start rejects and the state ends stopped', async () => {
    const t = setup();
    const started = t.backend.start();
    await tick();
    t.rest.onChange = (state) => {
      if (state === 'Stop') t.child().end();
    };
    await expect(t.backend.stop(1_000)).resolves.toBe('graceful');
    await expect(started).rejects.toThrow(/vfkit exited/);
    expect(t.states).toEqual(['starting', 'stopping', 'stopped']);
  });

  it('says save and resume are unsupported, with the reason', async () => {
    const t = setup();
    expect(t.backend.traits.saveResume.supported).toBe(false);
    await expect(t.backend.save()).rejects.toBeInstanceOf(UnsupportedByBackend);
    await expect(t.backend.resume()).rejects.toThrow(
      /resume is not supported by the vfkit backend: .*saveMachineStateTo/,
    );
  });
});
