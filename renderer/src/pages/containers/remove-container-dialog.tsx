// The confirmation before removing a container, shared by the Containers list and a container's page:
// it says whether the container is running (and so will be stopped first) and what is deleted, and offers
// to remove its anonymous volumes too (`docker rm -v`); named volumes are always kept.
import { useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { removeConsequence } from '../../model/container-actions';
import { isStopped } from '../../model/container-filter';
import type { ContainerActions } from './use-container-actions';

export function RemoveContainerDialog({ actions }: { actions: ContainerActions }) {
  const container = actions.confirming;
  const [volumes, setVolumes] = useState(false);
  const close = () => setVolumes(false);
  return (
    <ConfirmDialog
      isOpen={container !== null}
      title={`Remove ${container?.name ?? 'container'}?`}
      confirmLabel="Remove"
      onConfirm={() => {
        actions.confirmRemove(volumes);
        close();
      }}
      onCancel={() => {
        actions.cancelRemove();
        close();
      }}
    >
      <p>{removeConsequence(container !== null && !isStopped(container))}</p>
      <RemoveVolumesCheckbox isSelected={volumes} onChange={setVolumes} />
    </ConfirmDialog>
  );
}

export function RemoveVolumesCheckbox({
  isSelected,
  onChange,
}: {
  isSelected: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <Checkbox className="checkbox remove-volumes" isSelected={isSelected} onChange={onChange}>
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 12 12" className="checkbox-mark" focusable="false">
          <polyline points="2.5 6.5 5 9 9.5 3.5" className="checkbox-check" />
        </svg>
      </span>
      Also remove anonymous volumes
    </Checkbox>
  );
}
