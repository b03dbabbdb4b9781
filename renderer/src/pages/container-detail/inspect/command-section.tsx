// The Inspect tab's first panel: what the container runs (entrypoint, command, and what PID 1 became), as whom
// and where, its state and how often the engine restarted it.
import type { ContainerInspectView } from '@shared/inspect-types';
import { Fact } from '../../../components/fact';

/** An argv as a shell would read it back: words with spaces or quotes quoted. */
export function shellWords(words: readonly string[]): string {
  return words.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`)).join(' ');
}

function argv(words: readonly string[] | null, none: string) {
  return words && words.length > 0 ? (
    <span className="mono">{shellWords(words)}</span>
  ) : (
    <span className="muted">{none}</span>
  );
}

export function CommandSection({ view }: { view: ContainerInspectView }) {
  const { state } = view;
  return (
    <section className="panel inspect-section" aria-labelledby="inspect-command">
      <h2 id="inspect-command">Command</h2>
      <dl className="facts">
        <Fact label="Entrypoint">{argv(view.entrypoint, 'none (the command runs directly)')}</Fact>
        <Fact label="Command">{argv(view.command, 'none')}</Fact>
        <Fact label="Runs as PID 1">{argv([view.path, ...view.args].filter(Boolean), '—')}</Fact>
        <Fact label="Working directory">
          <span className="mono">{view.workingDir || '/'}</span>
        </Fact>
        <Fact label="User">
          {view.user ? (
            <span className="mono">{view.user}</span>
          ) : (
            <span className="muted">the image’s default (root)</span>
          )}
        </Fact>
        <Fact label="State">
          {state.status || '—'}
          {!state.running && state.finishedAt && (
            <span className="muted">
              {' '}
              · exit code {state.exitCode}
              {state.oomKilled ? ', killed for lack of memory (OOM)' : ''}
            </span>
          )}
          {state.error && <span className="muted"> · {state.error}</span>}
        </Fact>
        <Fact label="Restart count">
          <span className="numeric">{view.restartCount}</span>
        </Fact>
      </dl>
    </section>
  );
}
