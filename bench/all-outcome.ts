// What one bench's run amounts to for the report: ok (exited 0 with a key=value line last), failed (a non-zero
// exit, no summary line, or no start at all), or timed out; with its judged figures whenever it printed any (a
// bench that fails late may have printed them) and the end of its stderr when it did not end well.
import { figureSpecs } from './all-goals';
import { judge } from './all-judge';
import { summaryRecords } from './all-parse';
import type { BenchOutcome } from './report-md';

const stderrTailLines = 30;

/** How the bench's process ended, and what it printed (the ends of its output, kept by the runner). */
export interface Run {
  exitCode: number | null;
  /** The signal that ended it, when one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  error?: Error;
}

export function outcomeOf(base: BenchOutcome, run: Run, timeoutMinutes: number): BenchOutcome {
  const records = summaryRecords(run.stdout);
  const judged = records.length > 0 ? judge(figureSpecs[base.bench.name] ?? [], records) : undefined;
  const stderrTail = run.stderr.trimEnd().split('\n').slice(-stderrTailLines).join('\n');
  const printed = judged ? ' (the figures below are what it printed before that)' : '';
  if (run.error) return { ...base, status: 'failed', reason: `could not start it: ${run.error.message}` };
  if (run.timedOut)
    return {
      ...base,
      status: 'timed out',
      reason: `no end within ${timeoutMinutes} min (\`--timeout-minutes\`); it and its processes were stopped${printed}`,
      judged,
      stderrTail,
    };
  if (run.exitCode !== 0) {
    const how = run.signal ? `it was ended by ${run.signal}` : `it exited with code ${run.exitCode}`;
    return { ...base, status: 'failed', reason: `${how}${printed}`, judged, stderrTail };
  }
  if (!judged)
    return { ...base, status: 'failed', reason: 'it exited 0 but printed no key=value line last', stderrTail };
  return { ...base, status: 'ok', judged };
}
