// The status bar's compact view of transfers: "Pulling 2 · 43 %" while any run, a quieter note while
// finished ones wait to be dismissed; pressing it opens the transfers list in a popover. It also keeps the
// window title's percent and the finish notifications going, since the status bar is always on screen.
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import { indicatorText } from './transfer-format';
import { TransfersPanel } from './transfers-panel';
import { useTransferSignals } from './use-transfer-signals';
import { useTransfers, useTransfersSummary } from './use-transfers';
import '../styles/transfers.css';

export function TransfersIndicator() {
  useTransferSignals();
  const transfers = useTransfers();
  const summary = useTransfersSummary();
  if (transfers.length === 0) return null;
  const text = indicatorText(transfers);
  const failed = transfers.some((transfer) => transfer.state === 'failed');
  const tone = summary.running > 0 ? 'running' : failed ? 'failed' : 'done';
  return (
    <DialogTrigger>
      <Button
        className={`status-transfers status-transfers-${tone}`}
        aria-label={`Transfers: ${text}`}
        aria-description={summary.text || undefined}
      >
        {summary.running > 0 && <span className="status-transfers-spinner" aria-hidden="true" />}
        <span className="status-transfers-text">{text}</span>
      </Button>
      <Popover className="transfers-popover" placement="top start" offset={8}>
        <Dialog className="transfers-popover-dialog" aria-label="Transfers">
          <TransfersPanel compact />
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
