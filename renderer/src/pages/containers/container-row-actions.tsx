// The buttons at the end of a container's row, named after the container ("Stop web-1") so each is
// unambiguous to a screen reader and to tests.
import { Button } from 'react-aria-components';
import type { ContainerSummary } from '../../../../main/shared/engine-types';
import { isStopped } from '../../model/container-filter';
import type { ContainerAction } from './use-container-actions';

export interface RowActionsProps {
  container: ContainerSummary;
  pending: ContainerAction | undefined;
  onStart: (c: ContainerSummary) => void;
  onStop: (c: ContainerSummary) => void;
  onRemove: (c: ContainerSummary) => void;
}

export function ContainerRowActions({ container, pending, onStart, onStop, onRemove }: RowActionsProps) {
  const busy = pending !== undefined;
  const stopped = isStopped(container);
  return (
    <div className="row-actions">
      {stopped ? (
        <Button className="button button-small" aria-label={`Start ${container.name}`} isDisabled={busy} onPress={() => onStart(container)}>
          {pending === 'start' ? 'Starting…' : 'Start'}
        </Button>
      ) : (
        <Button className="button button-small" aria-label={`Stop ${container.name}`} isDisabled={busy} onPress={() => onStop(container)}>
          {pending === 'stop' ? 'Stopping…' : 'Stop'}
        </Button>
      )}
      <Button
        className="button button-small button-danger-quiet"
        aria-label={`Remove ${container.name}`}
        isDisabled={busy}
        onPress={() => onRemove(container)}
      >
        {pending === 'remove' ? 'Removing…' : 'Remove'}
      </Button>
    </div>
  );
}
