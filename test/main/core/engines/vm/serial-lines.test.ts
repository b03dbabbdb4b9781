// The guest's console lines the host acts on: boot phases and the SSH host key, and line splitting of chunks.
import { describe, expect, it } from 'vitest';
import { LineSplitter, parseSerialLine } from '../../../../../main/core/engines/vm/serial-lines';

describe('parseSerialLine', () => {
  it('reads boot phases with the guest uptime, also after kernel output on the same line', () => {
    expect(parseSerialLine('BERTH-PHASE init 1.23')).toEqual({ type: 'phase', phase: 'init', uptimeS: 1.23 });
    expect(parseSerialLine('[    2.1] random: crng initBERTH-PHASE ssh 4\r')).toEqual({
      type: 'phase',
      phase: 'ssh',
      uptimeS: 4,
    });
    expect(parseSerialLine('BERTH-PHASE engine')).toEqual({ type: 'phase', phase: 'engine', uptimeS: null });
    expect(parseSerialLine('BERTH-PHASE poweroff 99.5')).toMatchObject({ phase: 'poweroff' });
  });

  it('ignores unknown phases and ordinary lines', () => {
    expect(parseSerialLine('BERTH-PHASE dance 1')).toBeNull();
    expect(parseSerialLine('Linux version 6.1.0')).toBeNull();
  });

  it("reads the kernel's reports of a stalled CPU, which the host answers by booting again", () => {
    const rcu = '[   25.130626] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:';
    expect(parseSerialLine(rcu)).toEqual({ type: 'stall', line: rcu.trim() });
    expect(parseSerialLine('[ 40.1] rcu: INFO: rcu_sched self-detected stall on CPU')).toMatchObject({ type: 'stall' });
    expect(
      parseSerialLine('[ 58.7] watchdog: BUG: soft lockup - CPU#0 stuck for 46s! [udev-worker:120]'),
    ).toMatchObject({ type: 'stall' });
    // The follow-up lines of the same report are not new stalls.
    expect(parseSerialLine('[   25.13] rcu: rcu_preempt kthread starved for 5252 jiffies!')).toBeNull();
  });

  it('reads the host key line', () => {
    expect(parseSerialLine('BERTH-HOSTKEY ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMvQ root@berth')).toEqual({
      type: 'hostkey',
      keyType: 'ssh-ed25519',
      key: 'AAAAC3NzaC1lZDI1NTE5AAAAIMvQ',
    });
  });
});

describe('LineSplitter', () => {
  it('joins chunks into whole lines and keeps the unfinished rest', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('BERTH-PHA')).toEqual([]);
    expect(splitter.push('SE init 1\r\nnext')).toEqual(['BERTH-PHASE init 1']);
    expect(splitter.flush()).toEqual(['next']);
  });
});
