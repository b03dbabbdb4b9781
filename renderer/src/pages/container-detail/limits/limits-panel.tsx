// The Limits panel beside a container's live charts: Apply limits (one limits:apply with only what changed,
// confirmed when memory would go below current use), Undo last change and Reset at the top, where edits and
// inline problems below cannot move them under the pointer; the outcome; a live line on whether the limits
// bite; what the engine enforces now (limits:get) in the limits editor; suggestions; and a warning when the
// active engine does not enforce limits at all (a rootless engine on cgroup v1).
import { memo, useId } from 'react';
import { Button } from 'react-aria-components';
import type { ContainerSummary } from '@shared/container-types';
import type { LimitsChange } from '@shared/limits-types';
import { normaliseLimits, resolveChange } from '@shared/limits/resolve-change';
import { validateLimits } from '@shared/limits/validate-limits';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { LimitsEditor } from '../../../components/limits-editor/limits-editor';
import { QueryError } from '../../../components/query-error';
import { useChannelQuery } from '../../../data/channel-query';
import { changeFields } from '../../../limits/limits-diff';
import { LimitsIgnoredNotice } from '../../../limits/limits-ignored-notice';
import { useLimitsApply } from '../../../limits/use-limits-apply';
import { valueOf } from '../../../stats/series-window';
import { useLatestStats } from '../../../stats/use-stats';
import { LimitPressureView } from './limit-pressure-view';
import { limitsHeadline } from './limits-headline';
import { LimitsOutcomeView } from './limits-outcome-view';
import { LimitsSuggestion } from './limits-suggestion';
import { useLimitsDraft } from './use-limits-draft';
import '../../../styles/limits-panel.css';

// Memoised: the Stats tab re-renders on every tick, and this panel follows the stats only every 2 s.
export const LimitsPanel = memo(function LimitsPanel({ container }: { container: ContainerSummary }) {
  const { id, name } = container;
  const query = useChannelQuery('limits:get', { id }, { staleTime: 0 });
  const view = query.data;
  // Every 2 s rather than every tick: the whole editor re-renders with its usage markers, and it is heavy.
  const latest = useLatestStats(id, 2000);
  const draft = useLimitsDraft(view);
  const actions = useLimitsApply(id, draft.reset);
  const cpu = valueOf(latest?.values, 'cpuPercent');
  const usage = { cpuCores: cpu === null ? null : cpu / 100, memBytes: valueOf(latest?.values, 'memBytes') };
  const busy = actions.pending;
  const titleId = useId();

  /** Every apply goes through here: the editor's change and a suggestion alike, checked first. */
  const applyChange = (change: LimitsChange) => {
    if (!view) return;
    if (changeFields(change).length === 0) return actions.note('Nothing to apply: change a limit first.');
    const result = normaliseLimits(resolveChange(view.limits, change), view.capabilities.engineCpus);
    const problems = validateLimits(result, view.limits, change, view.capabilities);
    if (problems.length > 0) return actions.note(`Not applied: ${problems.map((p) => p.message).join(' ')}`);
    actions.apply(change);
  };

  return (
    <section className="panel limits-panel" aria-labelledby={titleId}>
      <header className="limits-panel-head">
        <h2 id={titleId}>Limits</h2>
        <span className="limit-field-note">{limitsHeadline(view)}</span>
      </header>
      {query.error && (
        <QueryError what={`the limits of ${name}`} error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.isPending && <p className="muted">Loading limits…</p>}
      <LimitsIgnoredNotice />
      {view && draft.value && (
        <>
          <div className="limits-actions">
            <Button
              className="button"
              onPress={() => applyChange(draft.change)}
              // Pressable while a number is being typed: the press commits it (blur) and then applies it.
              isDisabled={busy || (!draft.typing && (draft.changed.size === 0 || draft.problems.length > 0))}
              isPending={actions.pending}
            >
              Apply limits
            </Button>
            <Button className="button button-secondary" onPress={actions.undo} isDisabled={busy || !view.canUndo}>
              Undo last change
            </Button>
            <Button className="button button-quiet" onPress={draft.reset} isDisabled={busy || !draft.isDirty}>
              Reset
            </Button>
          </div>
          <LimitsOutcomeView outcome={actions.outcome} onDismiss={actions.dismiss} />
          <LimitPressureView latest={latest} />
          <div onInput={draft.onInput}>
            <LimitsEditor
              key={draft.generation}
              value={draft.value}
              capabilities={view.capabilities}
              onChange={draft.edit}
              problems={draft.problemsByField}
              changed={draft.changed}
              usage={usage}
              isDisabled={busy}
            />
          </div>
          <LimitsSuggestion id={id} onApply={applyChange} isDisabled={busy} />
        </>
      )}
      <ConfirmDialog
        isOpen={actions.confirming !== null}
        title="Lower memory below current usage?"
        confirmLabel="Confirm"
        onConfirm={actions.confirm}
        onCancel={actions.cancelConfirmation}
      >
        {actions.confirming?.message}
      </ConfirmDialog>
    </section>
  );
});
