// The transfers panel: every pull and push the core reports, newest first. On the Images page it sits under
// the pull box; the status bar's indicator opens the same list in a popover (compact: no layer rows).
import { useTransfers } from './use-transfers';
import { TransferItem } from './transfer-item';
import '../styles/transfers.css';

export function TransfersPanel({ compact = false }: { compact?: boolean }) {
  const transfers = useTransfers();
  if (transfers.length === 0) {
    return compact ? <p className="muted transfers-empty">No pulls or pushes.</p> : null;
  }
  return (
    <section className={compact ? 'transfers transfers-compact' : 'transfers panel'} aria-label="Transfers">
      {!compact && <h2 className="transfers-title">Transfers</h2>}
      <ul className="transfer-list" aria-label="Pulls and pushes">
        {transfers.map((transfer) => (
          <TransferItem key={transfer.id} transfer={transfer} compact={compact} />
        ))}
      </ul>
    </section>
  );
}
