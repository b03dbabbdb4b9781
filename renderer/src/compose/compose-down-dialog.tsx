// "Down" for a compose project: asks first (its containers and networks go, volumes only when ticked), then
// runs `down` through the compose CLI by the project's name, output streamed. Compose v1 needs the project's
// file; when it is gone the dialog says so and offers to remove the project's containers instead.
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { DialogFrame } from '../components/dialog-frame';
import { ComposeOutput } from './compose-output';
import type { ProjectGroup } from './compose-groups';
import { useComposeRun } from './use-compose-run';
import '../styles/compose.css';

export interface ComposeDownDialogProps {
  project: ProjectGroup;
  onClose: () => void;
  /** Removes the project's containers without compose (the bulk action). */
  onRemoveContainers: () => void;
}

export function ComposeDownDialog({ project, onClose, onRemoveContainers }: ComposeDownDialogProps) {
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const run = useComposeRun();
  const started = run.outcome.kind !== 'idle';
  const needsFile = run.outcome.kind === 'failed' && run.outcome.code === 'CONFLICT';
  const down = () => void run.start('compose:down', { projectName: project.name, removeVolumes });

  return (
    <DialogFrame
      isOpen
      onClose={() => {
        run.cancel();
        onClose();
      }}
      isDismissable={!run.running}
      role={started ? 'dialog' : 'alertdialog'}
      size={started ? 'wide' : 'normal'}
      title={`Take ${project.name} down?`}
      actions={
        <>
          {run.running ? (
            <Button className="button button-secondary" onPress={run.cancel}>
              Cancel
            </Button>
          ) : (
            <Button className="button button-secondary" onPress={onClose} autoFocus={!started}>
              {started ? 'Close' : 'Cancel'}
            </Button>
          )}
          {needsFile ? (
            <Button
              className="button button-danger"
              onPress={() => {
                onRemoveContainers();
                onClose();
              }}
            >
              Remove its containers
            </Button>
          ) : (
            !started && (
              <Button className="button button-danger" onPress={down}>
                Down
              </Button>
            )
          )}
        </>
      }
    >
      <p>
        Compose stops and removes the {project.total === 1 ? 'container' : `${project.total} containers`} of{' '}
        <strong>{project.name}</strong> and the networks it created for them. Images stay.
      </p>
      {!started && (
        <Checkbox className="checkbox checkbox-labelled" isSelected={removeVolumes} onChange={setRemoveVolumes}>
          <span className="checkbox-box" aria-hidden="true">
            <svg viewBox="0 0 12 12" className="checkbox-mark" focusable="false">
              <polyline points="2.5 6.5 5 9 9.5 3.5" className="checkbox-check" />
            </svg>
          </span>
          Also remove its volumes (their data is lost)
        </Checkbox>
      )}
      <ComposeOutput chunks={run.chunks} outcome={run.outcome} label={`Compose output for ${project.name}`} />
    </DialogFrame>
  );
}
