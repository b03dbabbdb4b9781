// Which compose CLI Berth will run, in one line under the dialog's fields, or (none found) how to get one.
import type { ComposeCli } from '@shared/compose-types';

export function ComposeCliNotice({ cli }: { cli: ComposeCli | undefined }) {
  if (!cli) return null;
  if (!cli.found)
    return (
      <div role="alert" className="alert alert-error">
        <div className="alert-text">
          <strong className="alert-title">No compose CLI found</strong>
          <span className="alert-message">
            Berth runs your own <code>docker compose</code> or <code>docker-compose</code>, and neither runs here.{' '}
            {cli.install}
          </span>
        </div>
      </div>
    );
  return (
    <p className="field-description">
      Runs <code>{cli.found.command}</code> {cli.found.version} against the active engine.
    </p>
  );
}
