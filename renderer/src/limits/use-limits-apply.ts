// Applying and undoing a container's limits: ONE limits:apply with the change (or limits:undo); when the core
// answers NEEDS_CONFIRMATION (memory below current use) it holds the request until the user confirms, then
// resends it acknowledged. Success puts what the engine now enforces straight into limits:get's cache and
// refetches. The charts' limit lines need nothing from here: the core sends a stats row with the new limits.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BerthError } from '@shared/errors';
import type { ContainerLimitsView, LimitsApplyResult, LimitsChange } from '@shared/limits-types';
import { channelKey } from '../data/channel-query';
import { useBerthClient } from '../data/client-context';
import { errorOutcome, type LimitsOutcome } from './limits-outcome';

export interface PendingConfirmation {
  /** The request to resend acknowledged: an apply with its change, or an undo. */
  request: { action: 'apply'; change: LimitsChange } | { action: 'undo' };
  message: string;
}

const needsConfirmation = (error: unknown) => error instanceof BerthError && error.code === 'NEEDS_CONFIRMATION';
const acknowledged = (acknowledge: boolean) => (acknowledge ? { acknowledgeBelowUsage: true } : {});

export function useLimitsApply(id: string, onApplied: () => void) {
  const client = useBerthClient();
  const queries = useQueryClient();
  const [outcome, setOutcome] = useState<LimitsOutcome | null>(null);
  const [confirming, setConfirming] = useState<PendingConfirmation | null>(null);
  const key = channelKey('limits:get', { id });

  const settle = (kind: 'applied' | 'undone', result: LimitsApplyResult) => {
    // What the engine enforces now is known: show it at once, then refetch for canUndo and capabilities.
    queries.setQueryData<ContainerLimitsView>(key, (view) =>
      view ? { ...view, limits: result.after, canUndo: kind === 'applied' || view.canUndo } : view,
    );
    void queries.invalidateQueries({ queryKey: key });
    setOutcome({ kind, result });
    onApplied();
  };

  const applying = useMutation({
    mutationFn: ({ change, acknowledge }: { change: LimitsChange; acknowledge: boolean }) =>
      client.invoke('limits:apply', { id, change, ...acknowledged(acknowledge) }),
    onSuccess: (result) => settle('applied', result),
    onError: (error, { change, acknowledge }) => {
      if (needsConfirmation(error) && !acknowledge)
        setConfirming({ request: { action: 'apply', change }, message: (error as Error).message });
      else setOutcome(errorOutcome('apply', error));
    },
  });
  const undoing = useMutation({
    mutationFn: ({ acknowledge }: { acknowledge: boolean }) =>
      client.invoke('limits:undo', { id, ...acknowledged(acknowledge) }),
    onSuccess: (result) => settle('undone', result),
    onError: (error, { acknowledge }) => {
      if (needsConfirmation(error) && !acknowledge)
        setConfirming({ request: { action: 'undo' }, message: (error as Error).message });
      else setOutcome(errorOutcome('undo', error));
      void queries.invalidateQueries({ queryKey: key });
    },
  });

  return {
    apply(change: LimitsChange) {
      setOutcome(null);
      applying.mutate({ change, acknowledge: false });
    },
    confirm() {
      if (!confirming) return;
      setConfirming(null);
      const { request } = confirming;
      if (request.action === 'apply') applying.mutate({ change: request.change, acknowledge: true });
      else undoing.mutate({ acknowledge: true });
    },
    cancelConfirmation() {
      setConfirming(null);
      setOutcome({ kind: 'cancelled' });
    },
    undo() {
      setOutcome(null);
      undoing.mutate({ acknowledge: false });
    },
    /** A local result (nothing to apply, problems to fix first), shown where the core's would be. */
    note(message: string) {
      setOutcome({ kind: 'note', message });
    },
    dismiss: () => setOutcome(null),
    pending: applying.isPending || undoing.isPending,
    outcome,
    confirming,
  };
}
