// The backends' shared state machine: the moves it allows, the ones it refuses, and the failure reason it keeps.
import { describe, expect, it } from 'vitest';
import { BACKEND_MOVES, BackendStateMachine } from '../../../../../../main/core/engines/vm/backend/backend-state';

describe('BackendStateMachine', () => {
  it('walks stopped → starting → running → saving → stopped and tells its listeners', () => {
    const machine = new BackendStateMachine('test');
    const seen: string[] = [];
    const stop = machine.onState((state) => seen.push(state));
    for (const next of ['starting', 'running', 'saving', 'stopped'] as const) machine.to(next);
    stop();
    machine.to('starting');
    expect(seen).toEqual(['starting', 'running', 'saving', 'stopped']);
  });

  it('keeps the reason of a failure until the next start, and allows a start from failed', () => {
    const machine = new BackendStateMachine('test');
    machine.to('starting');
    machine.to('failed', 'the hypervisor exited');
    expect(machine.failure).toBe('the hypervisor exited');
    machine.to('starting');
    expect(machine.failure).toBeNull();
  });

  it('refuses moves the table does not have, naming the backend', () => {
    const machine = new BackendStateMachine('vfkit');
    expect(() => machine.to('running')).toThrow('vfkit: cannot go from stopped to running');
    expect(() => machine.to('saving')).toThrow(/stopped to saving/);
    machine.to('stopped');
    expect(machine.state).toBe('stopped');
  });

  it('lets every state but stopped fail or stop, so a dying hypervisor always has a way out', () => {
    for (const [state, moves] of Object.entries(BACKEND_MOVES)) {
      if (state === 'stopped') continue;
      expect(
        moves.some((move) => move === 'failed' || move === 'stopped'),
        state,
      ).toBe(true);
    }
  });
});
