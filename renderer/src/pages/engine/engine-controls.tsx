// What the user can do with one engine: start, stop, restart (where its provider lets Berth, else the reason
// why not), make it the active one, reconnect the active one now, and remove it. A refusal shows in place.
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { EngineView } from '@shared/engine-manager-types';
import { ErrorAlert } from '../../components/error-alert';
import { applyEngineStatus, useChannelMutation } from '../../data/channel-query';
import { RemoveEngineDialog } from './remove-engine-dialog';
import { useEngineCommands } from './use-engine-commands';

export function EngineControls({ engine }: { engine: EngineView }) {
  const commands = useEngineCommands();
  const reconnect = useChannelMutation('engine:reconnect', (fresh, queries) => applyEngineStatus(queries, fresh));
  const [removing, setRemoving] = useState(false);
  const reasonId = useId();
  const { start, stop, restart, setActive } = commands;
  const busy = start.isPending || stop.isPending || restart.isPending;
  const transitioning = engine.providerState === 'starting' || engine.providerState === 'stopping';
  const failed = [start, stop, restart, setActive, reconnect].find((mutation) => mutation.error);
  const describedBy = engine.controlReason ? reasonId : undefined;
  const request = { id: engine.id };

  return (
    <div className="engine-controls">
      <div className="engine-buttons" role="group" aria-label={`Control ${engine.name}`}>
        <Button
          className="button"
          isDisabled={!engine.canStart || busy || transitioning}
          aria-describedby={describedBy}
          onPress={() => start.mutate(request)}
        >
          {start.isPending ? 'Starting…' : 'Start'}
        </Button>
        <Button
          className="button button-secondary"
          isDisabled={!engine.canStop || busy || transitioning}
          aria-describedby={describedBy}
          onPress={() => stop.mutate(request)}
        >
          {stop.isPending ? 'Stopping…' : 'Stop'}
        </Button>
        <Button
          className="button button-secondary"
          isDisabled={!engine.canStop || busy || transitioning}
          aria-describedby={describedBy}
          onPress={() => restart.mutate(request)}
        >
          {restart.isPending ? 'Restarting…' : 'Restart'}
        </Button>
        <span className="engine-buttons-gap" aria-hidden="true" />
        {engine.active ? (
          <Button
            className="button button-secondary"
            isDisabled={reconnect.isPending}
            onPress={() => reconnect.mutate({})}
          >
            {reconnect.isPending ? 'Reconnecting…' : 'Reconnect now'}
          </Button>
        ) : (
          <Button
            className="button button-secondary"
            isDisabled={setActive.isPending}
            onPress={() => setActive.mutate(request)}
          >
            Set active
          </Button>
        )}
        {engine.removable && (
          <Button className="button button-danger-quiet" onPress={() => setRemoving(true)}>
            Remove…
          </Button>
        )}
      </div>
      {engine.controlReason && (
        <p id={reasonId} className="field-description">
          {engine.controlReason}
        </p>
      )}
      {failed?.error && (
        <ErrorAlert
          title={
            failed === reconnect
              ? 'Could not reconnect'
              : `Could not ${failed === setActive ? 'switch to' : 'control'} ${engine.name}`
          }
          message={failed.error.message}
          onDismiss={() => failed.reset()}
        />
      )}
      {removing && <RemoveEngineDialog engine={engine} onClose={() => setRemoving(false)} />}
    </div>
  );
}
