// One pull or push: its reference and state, the total bar with bytes and percent, the layers on demand,
// Cancel while it runs, Dismiss once finished, Run after a finished pull, and in plain words what went wrong
// (with the engine's message) or what a cancel left behind.
import { useState } from 'react';
import { Button, ProgressBar } from 'react-aria-components';
import type { Transfer } from '@shared/transfer-types';
import { RunImageButton } from '../run/run-image-button';
import { ProgressTrack } from './progress-track';
import { TransferLayers } from './transfer-layers';
import { transferErrorSummary, transferPercent, transferProgressText, transferStateLabel } from './transfer-format';
import { useTransferActions } from './use-transfers';
import { errorMessage } from '@shared/error-message';

export function transferName(transfer: Transfer): string {
  return `${transfer.kind === 'pull' ? 'Pull' : 'Push'} of ${transfer.reference}`;
}

export function TransferItem({ transfer, compact = false }: { transfer: Transfer; compact?: boolean }) {
  const actions = useTransferActions();
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const running = transfer.state === 'running';
  const percent = transferPercent(transfer);
  const name = transferName(transfer);
  const cancel = () => {
    setCancelling(true);
    setCancelError(null);
    actions
      .cancel(transfer.id)
      .catch((error: unknown) => setCancelError(errorMessage(error)))
      .finally(() => setCancelling(false));
  };
  const tone = transfer.state === 'done' ? 'done' : transfer.state === 'running' ? 'running' : 'stopped';

  return (
    <li className={`transfer transfer-${transfer.state}`} aria-label={name}>
      <div className="transfer-head">
        <span className={`badge transfer-badge transfer-badge-${transfer.state}`}>{transferStateLabel(transfer)}</span>
        <span
          className="transfer-reference mono"
          title={
            transfer.requested === transfer.reference
              ? transfer.reference
              : `${transfer.requested} → ${transfer.reference}`
          }
        >
          {transfer.reference}
        </span>
        {transfer.purpose === 'run' && <span className="muted transfer-purpose">for a run</span>}
        <div className="transfer-actions">
          {transfer.kind === 'pull' && transfer.state === 'done' && (
            <RunImageButton image={transfer.reference} compact />
          )}
          {running ? (
            <Button
              className="button button-small"
              aria-label={`Cancel ${name.toLowerCase()}`}
              isDisabled={cancelling}
              onPress={cancel}
            >
              {cancelling ? 'Cancelling…' : 'Cancel'}
            </Button>
          ) : (
            <Button
              className="button button-small button-quiet"
              aria-label={`Dismiss ${name.toLowerCase()}`}
              onPress={() => actions.dismiss(transfer.id)}
            >
              Dismiss
            </Button>
          )}
        </div>
      </div>
      <ProgressBar
        className="transfer-progress"
        aria-label={name}
        value={percent ?? undefined}
        isIndeterminate={percent === null && running}
        valueLabel={transferProgressText(transfer)}
      >
        {({ valueText }) => (
          <>
            <ProgressTrack fraction={percent === null ? (running ? null : 0) : percent / 100} tone={tone} />
            <span className="transfer-bytes numeric">{valueText}</span>
          </>
        )}
      </ProgressBar>
      {transfer.error && transfer.state === 'failed' && (
        <div className="transfer-error" role="alert">
          <strong>{transferErrorSummary(transfer, transfer.error)}</strong>
          <span className="transfer-engine-message">The engine said: {transfer.error.message}</span>
        </div>
      )}
      {transfer.leftOver && <p className="transfer-leftover">{transfer.leftOver}</p>}
      {cancelError && (
        <p className="transfer-error" role="alert">
          Could not cancel: {cancelError}
        </p>
      )}
      {!compact && <TransferLayers transfer={transfer} />}
    </li>
  );
}
