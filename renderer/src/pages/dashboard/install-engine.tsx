// The first-run page's Install button for the distribution's engine: beside the exact command, it runs that
// command through Berth's engine installer (a password dialog through pkexec, a sudo rule, or directly as root),
// shows the package manager's output as it comes, lets the user cancel, and says clearly why it failed. Where
// Berth cannot run the installer, no button: the reason, so the user runs the command in a terminal instead.
import { Button } from 'react-aria-components';
import type { InstallOffer } from '@shared/setup-types';
import { ErrorAlert } from '../../components/error-alert';
import { FollowingLog } from '../../components/following-log';
import { useInstallEngine } from './use-install-engine';
import '../../styles/first-run-install.css';

const viaText = {
  pkexec: 'Your system asks for an administrator’s password first.',
  sudo: 'It runs through sudo, which your sudo rule lets Berth use without a password.',
  root: 'Berth runs as root, so it runs the command itself.',
} as const;

export function InstallEngine({ offer, name }: { offer: InstallOffer; name: string }) {
  const { state, start, cancel } = useInstallEngine();
  if (!offer.available) return <p className="muted">No Install button here: {offer.reason}</p>;
  const running = state.phase === 'running';
  return (
    <div className="first-run-install">
      <p className="muted">
        {viaText[offer.via]}
        {offer.via !== 'root' && (
          <>
            {' '}
            Berth adds nobody to the <code>docker</code> group, which is root on this computer for whoever is in it:
            once the engine is installed, Berth’s own engine below runs it for you.
          </>
        )}
      </p>
      <div className="first-run-install-actions">
        <Button className="button" isDisabled={running} onPress={() => void start()}>
          {running ? 'Installing…' : `Install ${name}`}
        </Button>
        {running && (
          <Button className="button button-secondary" onPress={() => void cancel()}>
            Cancel install
          </Button>
        )}
      </div>
      {running && state.note && <p className="muted">{state.note}</p>}
      {state.phase !== 'idle' && (state.output !== '' || running) && (
        <FollowingLog
          text={state.output}
          busy={running}
          label="Install output"
          placeholder="Starting the installer…"
          className="first-run-install-output"
        />
      )}
      {state.phase === 'done' && (
        <p role="status" className="first-run-installed">
          Installed. Berth is looking for the engine; it connects by itself once the engine runs.
        </p>
      )}
      {state.phase === 'failed' && <ErrorAlert title="The engine was not installed" message={state.message} />}
      {state.phase === 'cancelled' && <ErrorAlert title="The install was cancelled" message={state.message} />}
    </div>
  );
}
