// The real process helpers the backends use, against real processes: a short command's output as bytes with its
// exit code and stdin, a spawned process's exit and output tail, and the shared wait loop.
import { describe, expect, it } from 'vitest';
import { pollUntil, runProcess, spawnProcess } from '../../../../../../main/core/engines/vm/backend/backend-process';

describe('runProcess', () => {
  it('writes stdin, returns stdout and stderr as bytes and the exit code', async () => {
    const result = await runProcess('/bin/sh', ['-c', 'cat; echo oops >&2; exit 3'], { stdin: 'key\n' });
    expect(result.code).toBe(3);
    expect(result.stdout.toString()).toBe('key\n');
    expect(result.stderr.toString()).toBe('oops\n');
  });

  it('says why when the program cannot run at all', async () => {
    const result = await runProcess('/nonexistent/wsl.exe', []);
    expect(result.code).toBeNull();
    expect(result.stderr.toString()).toMatch(/ENOENT/);
  });
});

describe('spawnProcess', () => {
  it('reports the exit and keeps what the process said', async () => {
    const child = spawnProcess('/bin/sh', ['-c', 'echo starting; echo failed >&2; exit 2']);
    expect(await child.exited).toEqual({ code: 2, signal: null });
    expect(child.exit()).toEqual({ code: 2, signal: null });
    expect(child.output().toString()).toMatch(/starting\n[\s\S]*failed\n|failed\n[\s\S]*starting\n/);
  });

  it('is killed by a signal', async () => {
    const child = spawnProcess('/bin/sleep', ['30']);
    expect(child.exit()).toBeNull();
    child.kill('SIGKILL');
    expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });
});

describe('pollUntil', () => {
  it('returns the first value, stops when the process is gone, and gives up after the deadline', async () => {
    let calls = 0;
    await expect(
      pollUntil('three calls', () => Promise.resolve(++calls >= 3 ? calls : undefined), {
        deadlineMs: 1_000,
        intervalMs: 1,
        gone: () => null,
      }),
    ).resolves.toBe(3);
    await expect(
      pollUntil('anything', () => Promise.resolve(undefined), {
        deadlineMs: 1_000,
        intervalMs: 1,
        gone: () => 'it died',
      }),
    ).rejects.toThrow('it died while waiting for anything');
    await expect(
      pollUntil('never', () => Promise.resolve(undefined), { deadlineMs: 10, intervalMs: 1, gone: () => null }),
    ).rejects.toThrow('waited 0.01 s for never in vain');
  });
});
