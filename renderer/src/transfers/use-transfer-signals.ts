// Signals outside the page while transfers run: the overall percent in front of the window title (what a
// browser tab or the taskbar shows), and a notification when one finishes while the page is hidden, only
// if the user granted notifications before: Berth never asks on its own.
import { useEffect, useRef } from 'react';
import type { Transfer } from '@shared/transfer-types';
import { newlyFinished, titleWithProgress, transferStateLabel } from './transfer-format';
import { useTransfers, useTransfersSummary } from './use-transfers';

export function useTransferSignals(): void {
  const transfers = useTransfers();
  const { running, percent } = useTransfersSummary();

  useEffect(() => {
    const apply = () => {
      const next = titleWithProgress(document.title, running, percent);
      if (next !== document.title) document.title = next;
    };
    apply();
    if (running === 0) return undefined;
    // Each page renders its own <title>; put the prefix back when a navigation replaces it.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [running, percent]);

  const previous = useRef<readonly Transfer[]>(transfers);
  useEffect(() => {
    const finished = newlyFinished(previous.current, transfers);
    previous.current = transfers;
    if (finished.length === 0 || !document.hidden) return;
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    for (const transfer of finished) {
      const body = transfer.error ? `${transfer.reference}: ${transfer.error.message}` : transfer.reference;
      new Notification(`${transferStateLabel(transfer)} · Berth`, { body, tag: `berth-transfer-${transfer.id}` });
    }
  }, [transfers]);
}
