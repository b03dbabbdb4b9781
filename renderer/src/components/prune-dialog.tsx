// Prune (images, volumes, networks), asked first: what prune removes (the page says, for its kind and this
// engine, or offers a choice), then Prune, then what it did in place of the question. The engine's refusal
// shows in the dialog.
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { DialogFrame } from './dialog-frame';
import { ErrorAlert } from './error-alert';

export interface PruneDialogProps {
  /** e.g. `Prune networks`. */
  title: string;
  /** What will be removed and what stays (a text, or a choice of what to prune). */
  explanation: ReactNode;
  /** Open unless said otherwise: the page may keep the dialog mounted. */
  isOpen?: boolean;
  /** What was removed, once done; null before. */
  result: ReactNode | null;
  pending: boolean;
  error: Error | null;
  onPrune: () => void;
  onClose: () => void;
}

export function PruneDialog(props: PruneDialogProps) {
  const { title, explanation, result, pending, error, onPrune, onClose, isOpen = true } = props;
  return (
    <DialogFrame
      isOpen={isOpen}
      onClose={onClose}
      isDismissable={!pending}
      title={title}
      role="alertdialog"
      actions={
        result !== null ? (
          <Button className="button" onPress={onClose} autoFocus>
            Close
          </Button>
        ) : (
          <>
            <Button className="button button-secondary" onPress={onClose} autoFocus>
              Cancel
            </Button>
            <Button className="button button-danger" isDisabled={pending} onPress={onPrune}>
              {pending ? 'Pruning…' : 'Prune'}
            </Button>
          </>
        )
      }
    >
      {result !== null ? (
        <p role="status" className="prune-outcome">
          {result}
        </p>
      ) : typeof explanation === 'string' ? (
        <p>{explanation}</p>
      ) : (
        explanation
      )}
      {error && <ErrorAlert title="Could not prune" message={error.message} />}
    </DialogFrame>
  );
}
