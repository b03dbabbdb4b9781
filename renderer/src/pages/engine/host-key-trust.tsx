// The host key question on an engine's page: an engine over SSH whose key is not in known_hosts yet (the one
// found through DOCKER_HOST=ssh://… or a docker context, or an added one whose known_hosts line is gone). The
// same question the Add engine dialog asks; Trust adds the key and connects. A changed key is never trusted here.
import type { QueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import type { EngineView, HostKeyQuestion } from '@shared/engine-manager-types';
import { BerthError } from '@shared/errors';
import { ErrorAlert } from '../../components/error-alert';
import { useChannelMutation } from '../../data/channel-query';
import { enginesKey } from '../../data/event-sync';
import { HostKeyMismatch, HostKeyQuestionView } from './host-key-question';

const refresh = (_: unknown, queries: QueryClient) => void queries.invalidateQueries({ queryKey: enginesKey });

export function HostKeyTrust({
  engine,
  question,
}: {
  engine: Pick<EngineView, 'id' | 'name'>;
  question: HostKeyQuestion;
}) {
  const trust = useChannelMutation('engines:trust-host-key', refresh);
  const error = trust.error;
  const mismatch = error instanceof BerthError && error.code === 'HOST_KEY_MISMATCH';
  return (
    <div className="dialog-form host-key-trust">
      <HostKeyQuestionView question={question} />
      <div className="engine-buttons">
        <Button
          className="button"
          isDisabled={trust.isPending || mismatch}
          onPress={() => trust.mutate({ id: engine.id, fingerprint: question.fingerprint })}
        >
          {trust.isPending ? 'Connecting…' : 'Trust and connect'}
        </Button>
      </div>
      {error && mismatch && <HostKeyMismatch message={error.message} />}
      {error && !mismatch && (
        <ErrorAlert
          title={`Could not trust the host key of ${engine.name}`}
          message={error.message}
          onDismiss={() => trust.reset()}
        />
      )}
    </div>
  );
}
