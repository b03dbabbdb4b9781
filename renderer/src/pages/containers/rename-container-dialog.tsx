// Rename a container: its new name, checked against the engine's rule as typed; a name the engine refuses
// (taken by another container) is said in place and the dialog stays open to try another.
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { DialogFrame } from '../../components/dialog-frame';
import { ReferenceField } from '../../components/reference-field';
import type { ContainerActions } from './use-container-actions';

const nameRule = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
const formId = 'rename-container-form';

export function RenameContainerDialog({ actions }: { actions: ContainerActions }) {
  const container = actions.renaming;
  if (!container) return null;
  return <RenameDialog key={container.id} current={container.name} id={container.id} actions={actions} />;
}

function RenameDialog({ current, id, actions }: { current: string; id: string; actions: ContainerActions }) {
  const [name, setName] = useState(current);
  const busy = actions.pending.get(id) === 'rename';
  const problem = nameRule.test(name) ? null : 'Letters, digits, _ . - only, starting with a letter or digit.';
  const refusal = actions.error?.message ?? null;
  return (
    <DialogFrame
      isOpen
      onClose={actions.cancelRename}
      isDismissable={!busy}
      title={`Rename ${current}`}
      actions={
        <>
          <Button className="button button-secondary" onPress={actions.cancelRename}>
            Cancel
          </Button>
          <Button
            type="submit"
            form={formId}
            className="button"
            isDisabled={busy || problem !== null || name === current}
          >
            {busy ? 'Renaming…' : 'Rename'}
          </Button>
        </>
      }
    >
      <Form
        id={formId}
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem && name !== current) void actions.confirmRename(name);
        }}
      >
        <ReferenceField
          label="New name"
          value={name}
          onChange={(value) => {
            setName(value);
            actions.dismissError();
          }}
          error={refusal ?? problem}
          description="Links and scripts that use the old name will need the new one."
          autoFocus
        />
      </Form>
    </DialogFrame>
  );
}
