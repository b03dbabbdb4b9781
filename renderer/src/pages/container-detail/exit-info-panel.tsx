// Shown on a container's page while it is not running: how it ended (exit code, when, the signal or OOM kill,
// the engine's error) and its last output. This is what a user whose one-click Run exited at once needs.
// A paused container gets a short word on what pausing means instead.
import { useQuery } from '@tanstack/react-query';
import type { ContainerSummary } from '@shared/container-types';
import { RelativeTime } from '../../components/relative-time';
import { QueryError } from '../../components/query-error';
import { channelKey } from '../../data/channel-query';
import { useBerthClient } from '../../data/client-context';
import { relativeTimeTickMs, useNow } from '../../lib/use-now';
import { exitHeadline, exitReasons } from './exit-model';
import '../../styles/container-actions.css';

const liveStates = new Set(['running', 'paused', 'restarting', 'removing']);

export function ExitInfoPanel({ container }: { container: ContainerSummary }) {
  if (container.state === 'paused') return <PausedNote />;
  if (liveStates.has(container.state)) return null;
  return <ExitInfoContent container={container} />;
}

function ExitInfoContent({ container }: { container: ContainerSummary }) {
  const client = useBerthClient();
  const now = useNow(relativeTimeTickMs);
  const request = { id: container.id };
  // The status text changes with every new exit ("Exited (1) …"), so a new exit fetches anew.
  const query = useQuery({
    queryKey: [...channelKey('containers:exit-info', request), container.status],
    queryFn: () => client.invoke('containers:exit-info', request),
  });
  if (query.error) return <QueryError what="how it stopped" error={query.error} onRetry={() => void query.refetch()} />;
  const info = query.data;
  if (!info) return null;
  const finished = info.finishedAt ? Date.parse(info.finishedAt) : NaN;
  const failed = info.oomKilled || (info.exitCode !== null && info.exitCode !== 0) || info.engineError !== null;
  return (
    <section
      className={failed ? 'exit-info exit-info-failed' : 'exit-info'}
      aria-labelledby="exit-info-title"
      role="region"
    >
      <h2 id="exit-info-title" className="exit-info-title">
        {exitHeadline(info)}
        {Number.isFinite(finished) && info.state !== 'created' && (
          <span className="exit-info-when">
            {' '}
            <RelativeTime epochMs={finished} nowMs={now} />
          </span>
        )}
      </h2>
      {exitReasons(info).map((reason) => (
        <p key={reason} className="exit-info-reason">
          {reason}
        </p>
      ))}
      {info.state !== 'created' || info.lastLines.length > 0 ? (
        info.lastLines.length > 0 ? (
          <>
            <p className="exit-info-label">Last output:</p>
            <pre className="exit-info-lines" aria-label="Last output" tabIndex={0}>
              {info.lastLines.map((line, index) => (
                <span key={index} className={line.stream === 'stderr' ? 'exit-line exit-line-stderr' : 'exit-line'}>
                  {line.text}
                  {'\n'}
                </span>
              ))}
            </pre>
          </>
        ) : (
          <p className="muted">It printed nothing.</p>
        )
      ) : null}
    </section>
  );
}

function PausedNote() {
  return (
    <section className="exit-info exit-info-paused" aria-labelledby="paused-note-title" role="region">
      <h2 id="paused-note-title" className="exit-info-title">
        Paused
      </h2>
      <p className="exit-info-reason">
        Its processes are frozen where they stood: they use no CPU and keep their memory. Resume to let them go on.
      </p>
    </section>
  );
}
