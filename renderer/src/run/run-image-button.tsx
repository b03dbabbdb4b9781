// Running an image from the Images page: **Run** runs it at once (containers:run-quick: a generated name,
// every exposed port published on the interface Settings chose, the default limit profile) and opens the new
// container's page, where its live stats show; **Run…** opens the run dialog for everything else. A failed
// quick run says why in plain words and offers the dialog. Compact (table rows): smaller buttons, named with the image.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { useBerthClient } from '../data/client-context';
import { describeRunError } from './run-errors';
import { RunDialog } from './run-dialog';
import '../styles/run-dialog.css';

export interface RunImageButtonProps {
  /** An image reference or id to run. */
  image: string;
  /** Compact (icon-sized) for table rows; a labelled button otherwise. */
  compact?: boolean;
}

export function RunImageButton({ image, compact = false }: RunImageButtonProps) {
  const client = useBerthClient();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [dialogOpen, setDialogOpen] = useState(false);
  const quick = useMutation({
    mutationFn: () => client.invoke('containers:run-quick', { image }),
    onSuccess: (result) => {
      void queries.invalidateQueries({ queryKey: ['containers:list'] });
      void navigate(`/containers/${result.id}`);
    },
  });
  const failure = quick.error ? describeRunError(quick.error) : null;
  const size = compact ? 'button button-small' : 'button';
  return (
    <span className={compact ? 'run-buttons run-buttons-compact' : 'run-buttons'}>
      <Button
        className={size}
        aria-label={`Run ${image}`}
        onPress={() => quick.mutate()}
        isPending={quick.isPending}
        isDisabled={quick.isPending}
      >
        {quick.isPending ? 'Running…' : 'Run'}
      </Button>
      <Button
        className={`${size} button-secondary`}
        aria-label={`Run ${image}…`}
        onPress={() => setDialogOpen(true)}
        isDisabled={quick.isPending}
      >
        Run…
      </Button>
      <RunDialog image={image} isOpen={dialogOpen} onClose={() => setDialogOpen(false)} />
      <ModalOverlay
        isOpen={failure !== null}
        onOpenChange={(open) => !open && quick.reset()}
        isDismissable
        className="modal-overlay"
      >
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            <Heading slot="title" className="dialog-title">
              {failure?.title ?? ''}
            </Heading>
            <p className="dialog-body run-failure-message">
              Could not run {image}: {failure?.message}
            </p>
            <div className="dialog-actions">
              <Button className="button button-secondary" onPress={() => quick.reset()} autoFocus>
                Close
              </Button>
              <Button
                className="button"
                onPress={() => {
                  quick.reset();
                  setDialogOpen(true);
                }}
              >
                Run with options…
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </span>
  );
}
