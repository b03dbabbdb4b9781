// What a bench's run amounts to in the report: ok only with a clean exit and a summary line; a failure, a
// signal or a timeout keeps whatever figures were printed and the end of stderr.
import { describe, expect, it } from 'vitest';
import { benches } from '../../bench/all-benches';
import { outcomeOf, type Run } from '../../bench/all-outcome';
import type { BenchOutcome } from '../../bench/report-md';

const base: BenchOutcome = {
  bench: benches.find((bench) => bench.name === 'pull')!,
  command: 'tsx bench/pull.ts',
  status: 'not run yet',
};
const run = (overrides: Partial<Run>): Run => ({
  exitCode: 0,
  signal: null,
  stdout: '| table |\nratio=1.020 berth_ms=900 cli_ms=882\n',
  stderr: '',
  timedOut: false,
  ...overrides,
});

describe('outcomeOf', () => {
  it('is ok with a clean exit and a summary line, its figures judged', () => {
    const outcome = outcomeOf(base, run({}), 40);
    expect(outcome.status).toBe('ok');
    expect(outcome.judged!.rows[0]).toMatchObject({ key: 'ratio', berth: '900 ms', peer: '`docker pull`: 882 ms' });
    expect(outcome.stderrTail).toBeUndefined();
  });

  it('fails a clean exit that printed no summary line', () => {
    const outcome = outcomeOf(base, run({ stdout: 'table only\n', stderr: 'warning\n' }), 40);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'it exited 0 but printed no key=value line last' });
    expect(outcome.stderrTail).toBe('warning');
  });

  it('fails a non-zero exit, keeping the figures it printed and the last 30 lines of stderr', () => {
    const stderr = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
    const outcome = outcomeOf(base, run({ exitCode: 1, stderr }), 40);
    expect(outcome.status).toBe('failed');
    expect(outcome.reason).toBe('it exited with code 1 (the figures below are what it printed before that)');
    expect(outcome.judged!.rows).toHaveLength(1);
    expect(outcome.stderrTail!.split('\n')).toEqual(Array.from({ length: 30 }, (_, i) => `line ${i + 11}`));
  });

  it('says which signal ended it, and when it timed out', () => {
    expect(outcomeOf(base, run({ exitCode: null, signal: 'SIGKILL', stdout: '' }), 40).reason).toBe(
      'it was ended by SIGKILL',
    );
    const timedOut = outcomeOf(base, run({ exitCode: null, signal: 'SIGTERM', timedOut: true, stdout: '' }), 40);
    expect(timedOut).toMatchObject({ status: 'timed out' });
    expect(timedOut.reason).toMatch(/^no end within 40 min/);
  });

  it('fails a bench that could not start', () => {
    const outcome = outcomeOf(base, run({ exitCode: null, error: new Error('spawn tsx ENOENT'), stdout: '' }), 40);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'could not start it: spawn tsx ENOENT' });
  });
});
