// The confirmation before removing a container, shared by the Containers list and a container's page:
// it says whether the container is running (and so will be stopped first) and what is deleted.
import { ConfirmDialog } from '../../components/confirm-dialog';
import { isStopped } from '../../model/container-filter';
import type { useContainerActions } from './use-container-actions';

export function RemoveContainerDialog({ actions }: { actions: ReturnType<typeof useContainerActions> }) {
  const container = actions.confirming;
  return (
    <ConfirmDialog
      isOpen={container !== null}
      title={`Remove ${container?.name ?? 'container'}?`}
      confirmLabel="Remove"
      onConfirm={actions.confirmRemove}
      onCancel={actions.cancelRemove}
    >
      {container && !isStopped(container)
        ? 'This container is running: it will be stopped and removed. Its writable layer is deleted.'
        : 'The container and its writable layer are deleted. Named volumes are kept.'}
    </ConfirmDialog>
  );
}
