// The buttons at the end of a container's row, named after the container ("Stop web-1") so each is
// unambiguous to a screen reader and to tests. A running action shows a spinner on its button.
import type { ContainerSummary } from '@shared/container-types';
import { IconButton } from '../../components/icon-button';
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
  const name = container.name;
  return (
    <div className="row-actions">
      {isStopped(container) ? (
        <IconButton
          label={`Start ${name}`}
          tooltip="Start"
          icon="start"
          isDisabled={busy}
          isBusy={pending === 'start'}
          onPress={() => onStart(container)}
        />
      ) : (
        <IconButton
          label={`Stop ${name}`}
          tooltip="Stop"
          icon="stop"
          isDisabled={busy}
          isBusy={pending === 'stop'}
          onPress={() => onStop(container)}
        />
      )}
      <IconButton
        label={`Remove ${name}`}
        tooltip="Remove"
        icon="remove"
        tone="danger"
        isDisabled={busy}
        isBusy={pending === 'remove'}
        onPress={() => onRemove(container)}
      />
    </div>
  );
}
