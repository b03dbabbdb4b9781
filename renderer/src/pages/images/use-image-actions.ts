// The Images page's row actions: which dialog is open for which image, pushes (which run as transfers, so
// their progress shows in the transfers panel) and the last error, kept until dismissed.
import { useCallback, useState } from 'react';
import type { ImageSummary } from '@shared/image-types';
import { useTransferActions } from '../../transfers/use-transfers';
import { imageLabel } from './image-model';
import { errorMessage } from '@shared/error-message';

export type ImageDialog = 'inspect' | 'history' | 'tag' | 'remove';
export type ImageAction = ImageDialog | 'push';

export interface OpenDialog {
  kind: ImageDialog;
  image: ImageSummary;
}

export function useImageActions() {
  const transfers = useTransferActions();
  const [open, setOpen] = useState<OpenDialog | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);

  const push = useCallback(
    (image: ImageSummary) => {
      const reference = image.repoTags[0];
      if (!reference) return;
      transfers.start('push', reference).catch((caught: unknown) => {
        setError({ title: `Could not push ${reference}`, message: errorMessage(caught) });
      });
    },
    [transfers],
  );

  const act = useCallback(
    (action: ImageAction, image: ImageSummary) => {
      if (action === 'push') push(image);
      else setOpen({ kind: action, image });
    },
    [push],
  );

  return {
    open,
    act,
    close: useCallback(() => setOpen(null), []),
    error,
    dismissError: useCallback(() => setError(null), []),
    /** For dialogs that finish with a note on the page rather than in themselves. */
    reportError: useCallback(
      (image: ImageSummary, what: string, message: string) =>
        setError({ title: `Could not ${what} ${imageLabel(image)}`, message }),
      [],
    ),
  };
}

export type ImageActions = ReturnType<typeof useImageActions>;
