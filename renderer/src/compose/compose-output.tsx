// A compose command's output as it arrives: a monospace log (stderr and Berth's own lines told apart), kept
// scrolled to its end while the user has not scrolled up, and the outcome under it in words.
import Anser from 'anser';
import type { StreamChunk } from '@shared/stream-types';
import { FollowingLog } from '../components/following-log';
import type { RunOutcome } from './use-compose-run';

// Compose v2 colours its output when it thinks it has a terminal; those sequences are noise in this panel.
const plain = (text: string) => Anser.ansiToText(text);

export function ComposeOutput({
  chunks,
  outcome,
  label,
}: {
  chunks: StreamChunk[];
  outcome: RunOutcome;
  label: string;
}) {
  if (outcome.kind === 'idle' && chunks.length === 0) return null;
  const running = outcome.kind === 'running';
  return (
    <div className="compose-output">
      {(chunks.length > 0 || running) && (
        <FollowingLog busy={running} label={label} className="compose-log">
          {chunks.length > 0 ? (
            chunks.map((chunk, index) => (
              <span key={index} className={`compose-log-${chunk.fd}`}>
                {plain(chunk.text)}
              </span>
            ))
          ) : (
            <span className="compose-log-system">Starting…</span>
          )}
        </FollowingLog>
      )}
      <OutcomeLine outcome={outcome} />
    </div>
  );
}

function OutcomeLine({ outcome }: { outcome: RunOutcome }) {
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'running':
      return (
        <p className="compose-outcome" role="status">
          Running…
        </p>
      );
    case 'cancelled':
      return (
        <p className="compose-outcome compose-outcome-failed" role="status">
          Cancelled: compose was stopped.
        </p>
      );
    case 'failed':
      return (
        <p className="compose-outcome compose-outcome-failed" role="status">
          {outcome.message}
        </p>
      );
    case 'exited':
      return outcome.exitCode === 0 ? (
        <p className="compose-outcome compose-outcome-ok" role="status">
          Done (exit code 0).
        </p>
      ) : (
        <p className="compose-outcome compose-outcome-failed" role="status">
          Compose failed with exit code {outcome.exitCode ?? 'unknown'}: its message is above.
        </p>
      );
  }
}
