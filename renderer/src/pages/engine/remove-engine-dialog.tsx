// Remove an engine: asks first. A Berth engine is stopped, its docker context removed and, when the box is
// ticked, its data (images, containers, volumes) deleted; a remote engine is only forgotten.
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import type { EngineView } from '@shared/engine-manager-types';
import { useEngineCommands } from './use-engine-commands';
import { DialogFrame } from '../../components/dialog-frame';

export function RemoveEngineDialog({ engine, onClose }: { engine: EngineView; onClose: () => void }) {
  const { remove } = useEngineCommands();
  const [deleteData, setDeleteData] = useState(false);
  // A VM's disks are Berth's own data too, so it gets the same choice as a Berth engine.
  const owned = engine.kind === 'berth-dockerd' || engine.kind === 'vm';
  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      role="alertdialog"
      isDismissable={!remove.isPending}
      title={`Remove ${engine.name}?`}
      actions={
        <>
          <Button className="button button-secondary" onPress={onClose} autoFocus>
            Cancel
          </Button>
          <Button
            className="button button-danger"
            isDisabled={remove.isPending}
            onPress={() => remove.mutate({ id: engine.id, deleteData: owned && deleteData }, { onSuccess: onClose })}
          >
            {remove.isPending ? 'Removing…' : 'Remove'}
          </Button>
        </>
      }
    >
      <p>
        {owned
          ? `Berth ${engine.kind === 'vm' ? 'powers off this VM' : 'stops this engine'} and removes its docker context${engine.dockerContext ? ` (${engine.dockerContext})` : ''}.`
          : 'Berth forgets this engine; nothing changes on the remote machine.'}
        {engine.active && ' The discovered engine becomes the active one.'}
      </p>
      {owned && (
        <Checkbox className="checkbox checkbox-labelled" isSelected={deleteData} onChange={setDeleteData}>
          <span className="checkbox-box" aria-hidden="true">
            <svg viewBox="0 0 12 12" className="checkbox-mark" focusable="false">
              <polyline points="2.5 6.5 5 9 9.5 3.5" className="checkbox-check" />
            </svg>
          </span>
          Also delete its data: images, containers and volumes
        </Checkbox>
      )}
      {remove.error && (
        <div role="alert" className="alert alert-error dialog-alert">
          <div className="alert-text">
            <strong className="alert-title">Could not remove {engine.name}</strong>
            <span className="alert-message">{remove.error.message}</span>
          </div>
        </div>
      )}
    </DialogFrame>
  );
}
