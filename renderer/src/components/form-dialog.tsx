// A dialog around one form (create a network, create a volume): its fields, Cancel and a submit button that
// says when the request runs, and the engine's refusal under the fields. Enter submits; while the request
// runs, a click outside does not drop its answer.
import type { ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { DialogFrame } from './dialog-frame';
import { ErrorAlert } from './error-alert';

export interface FormDialogProps {
  title: string;
  /** The form's id, which the submit button (outside the form, among the dialog's buttons) names. */
  formId: string;
  /** e.g. `Create`, and `Creating…` while pending. */
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The refusal of the last submit, with its title (e.g. `Could not create the volume`). */
  error: { title: string; message: string } | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function FormDialog(props: FormDialogProps) {
  const { title, formId, pending, error, onSubmit, onClose } = props;
  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      isDismissable={!pending}
      title={title}
      actions={
        <>
          <Button className="button button-secondary" onPress={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId} className="button" isDisabled={pending}>
            {pending ? props.pendingLabel : props.submitLabel}
          </Button>
        </>
      }
    >
      <Form
        id={formId}
        className="dialog-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {props.children}
      </Form>
      {error && <ErrorAlert title={error.title} message={error.message} />}
    </DialogFrame>
  );
}
