// NSpid parsing and the host → container PID mapping over a fixture /proc: a PID outside the container's
// cgroup (another machine's PID) makes the mapping unavailable instead of naming a stranger's process.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { containerPids, parseNsPids } from '../../../../main/core/inspect/container-pids';

const id = 'a'.repeat(64);
let proc: string;

async function process(pid: number, nsPids: string | null, cgroup: string) {
  await mkdir(join(proc, String(pid)), { recursive: true });
  const nsLine = nsPids === null ? '' : `NSpid:\t${nsPids}\n`;
  await writeFile(join(proc, String(pid), 'status'), `Name:\tsleep\nPid:\t${pid}\n${nsLine}Threads:\t1\n`);
  await writeFile(join(proc, String(pid), 'cgroup'), cgroup);
}

beforeEach(async () => {
  proc = await mkdtemp(join(tmpdir(), 'berth-proc-'));
});
afterEach(async () => {
  await rm(proc, { recursive: true, force: true });
});

describe('parseNsPids', () => {
  it('reads the PID in each namespace, outermost first', () => {
    expect(parseNsPids('Name:\tsh\nNSpid:\t4242\t1\n')).toEqual([4242, 1]);
    expect(parseNsPids('NSpid:\t9\n')).toEqual([9]);
    expect(parseNsPids('Name:\tsh\nPid:\t1\n')).toBeNull();
  });
});

describe('containerPids', () => {
  it('maps each host PID to the innermost namespace PID', async () => {
    await process(4242, '4242\t1', `0::/system.slice/docker-${id}.scope\n`);
    await process(4300, '4300\t7', `0::/system.slice/docker-${id}.scope\n`);
    const lookup = await containerPids(proc, id, [4242, 4300]);
    expect(lookup).toEqual({
      pids: new Map([
        [4242, 1],
        [4300, 7],
      ]),
    });
  });

  it('leaves out a process that exited since the engine listed it', async () => {
    await process(4242, '4242\t1', `12:pids:/docker/${id}\n`);
    expect(await containerPids(proc, id, [4242, 4999])).toEqual({ pids: new Map([[4242, 1]]) });
  });

  it('refuses to guess when a PID is another cgroup’s (the engine is in a VM or elsewhere)', async () => {
    await process(4242, '4242', '0::/user.slice/user-1000.slice/session-2.scope\n');
    const lookup = await containerPids(proc, id, [4242]);
    expect(lookup).toEqual({ unavailable: expect.stringMatching(/not this computer/) });
  });

  it('says when the kernel reports no namespace PIDs', async () => {
    await process(4242, null, `0::/docker/${id}\n`);
    expect(await containerPids(proc, id, [4242])).toEqual({ unavailable: expect.stringMatching(/NSpid/) });
  });
});
