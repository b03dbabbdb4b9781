// The Inspect tab's health panel: the status the engine derives from the container's health check, the
// failing streak, and its last runs (newest first) with their exit codes and output.
import type { HealthView } from '@shared/inspect-types';
import { Fact } from '../../../components/fact';
import { shellWords } from './command-section';

function duration(start: string, end: string): string {
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? `${ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`}` : '—';
}

function time(at: string): string {
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? new Date(ms).toLocaleTimeString() : at;
}

export function HealthSection({ health }: { health: HealthView | null }) {
  return (
    <section className="panel inspect-section" aria-labelledby="inspect-health">
      <h2 id="inspect-health">Health</h2>
      {!health ? (
        <p className="muted">No health check: the engine knows only whether its process runs.</p>
      ) : (
        <>
          <dl className="facts">
            <Fact label="Status">
              <span className={`health health-${health.status}`}>{health.status}</span>
            </Fact>
            <Fact label="Failing streak">
              <span className="numeric">{health.failingStreak}</span>{' '}
              <span className="muted">{health.failingStreak === 1 ? 'check' : 'checks'} in a row</span>
            </Fact>
            {health.test && (
              <Fact label="Check">
                <span className="mono">{shellWords(health.test)}</span>
              </Fact>
            )}
          </dl>
          {health.log.length === 0 ? (
            <p className="muted">No check has run yet.</p>
          ) : (
            <table className="plain-table health-log" aria-label="Last health checks">
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Took</th>
                  <th scope="col">Exit code</th>
                  <th scope="col">Output</th>
                </tr>
              </thead>
              <tbody>
                {[...health.log].reverse().map((run, index) => (
                  <tr key={`${run.start}-${index}`}>
                    <td className="numeric">{time(run.start)}</td>
                    <td className="numeric">{duration(run.start, run.end)}</td>
                    <td className={`numeric ${run.exitCode === 0 ? 'tone-ok' : 'tone-danger'}`}>{run.exitCode}</td>
                    <td className="mono health-output">{run.output.trim() || <span className="muted">(none)</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
