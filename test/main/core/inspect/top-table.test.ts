// The process table from Docker's and Podman's `top` answers: PID columns out, host and container PIDs in.
import { describe, expect, it } from 'vitest';
import { topTable } from '../../../../main/core/inspect/top-table';

describe('topTable', () => {
  it('takes Docker’s host PID out of its columns and says whose PPID is left', () => {
    const table = topTable(
      {
        Titles: ['UID', 'PID', 'PPID', 'CMD'],
        Processes: [
          ['root', '4242', '4200', 'sleep 3600'],
          ['root', 'x', '4242', 'odd'],
        ],
      },
      { host: 'PID', container: null, ppidIs: 'host' },
    );
    expect(table).toEqual({
      titles: ['UID', 'PPID (host)', 'CMD'],
      processes: [
        { hostPid: 4242, containerPid: null, values: ['root', '4200', 'sleep 3600'] },
        { hostPid: null, containerPid: null, values: ['root', '4242', 'odd'] },
      ],
      hasHostPids: true,
    });
  });

  it('reads both PIDs from Podman’s descriptors', () => {
    const table = topTable(
      {
        Titles: ['PID', 'HPID', 'PPID', 'USER', 'COMMAND'],
        Processes: [['1', '5302', '0', 'root', 'sleep 3600']],
      },
      { host: 'HPID', container: 'PID', ppidIs: 'inside' },
    );
    expect(table.titles).toEqual(['PPID (inside)', 'USER', 'COMMAND']);
    expect(table.processes).toEqual([{ hostPid: 5302, containerPid: 1, values: ['0', 'root', 'sleep 3600'] }]);
  });

  it('has no host PIDs when the answer has no PID column (Podman’s ps inside the container)', () => {
    const table = topTable(
      { Titles: ['PID   USER     COMMAND'], Processes: [['1 0        sleep 3600']] },
      { host: 'PID', container: null, ppidIs: 'host' },
    );
    expect(table.hasHostPids).toBe(false);
    expect(table.processes[0].hostPid).toBeNull();
  });
});
