// Setting limits on several containers at once (limits:apply-bulk) in change-only mode: the editor starts
// from neutral values and only the fields the user touches are sent; each container keeps the rest. Holds
// the per-container results, and resends to those that need the below-usage confirmation when asked to.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { BulkLimitsResult, ContainerLimits, LimitsCapabilities, LimitsChange } from '@shared/limits-types';
import { noLimits, type LimitField } from '@shared/limits/limit-fields';
import { resolveChange } from '@shared/limits/resolve-change';
import { validateLimits } from '@shared/limits/validate-limits';
import { useBerthClient } from '../data/client-context';
import { problemsByField } from './field-problems';
import type { Edit } from './limits-edit';
import { pickFields } from './limits-diff';

export function useBulkLimits(ids: readonly string[], capabilities: LimitsCapabilities | undefined) {
  const client = useBerthClient();
  const queries = useQueryClient();
  const [draft, setDraft] = useState<ContainerLimits>(noLimits);
  const [touched, setTouched] = useState<ReadonlySet<LimitField>>(new Set());
  const [results, setResults] = useState<BulkLimitsResult | null>(null);
  // A number typed but not committed yet (NumberField commits on blur): Apply stays pressable meanwhile.
  const [typing, setTyping] = useState(false);
  const change = useMemo(() => pickFields(draft, touched), [draft, touched]);
  const problems = useMemo(
    () =>
      capabilities ? validateLimits(resolveChange(noLimits, change), noLimits, change, capabilities, touched) : [],
    [capabilities, change, touched],
  );
  const mutation = useMutation({
    mutationFn: (request: { ids: string[]; change: LimitsChange; acknowledge: boolean }) =>
      client.invoke('limits:apply-bulk', {
        ids: request.ids,
        change: request.change,
        ...(request.acknowledge ? { acknowledgeBelowUsage: true } : {}),
      }),
    onSuccess: (response, request) => {
      // A confirmed resend answers for some containers only: merge it over the first answer.
      setResults((previous) =>
        request.acknowledge && previous
          ? previous.map((entry) => response.find((r) => r.id === entry.id) ?? entry)
          : response,
      );
      void queries.invalidateQueries({ queryKey: ['limits:get'] });
    },
  });
  const needConfirmation = (results ?? []).filter((entry) => !entry.ok && entry.error.code === 'NEEDS_CONFIRMATION');
  return {
    value: draft,
    touched,
    change,
    problems,
    problemsByField: problemsByField(problems),
    results,
    needConfirmation,
    error: mutation.error,
    pending: mutation.isPending,
    typing,
    onInput: () => setTyping(true),
    edit(edit: Edit) {
      setTyping(false);
      setDraft(edit.value);
      setTouched((previous) => new Set([...previous, ...edit.fields]));
    },
    clear() {
      setTyping(false);
      setDraft(noLimits);
      setTouched(new Set());
      setResults(null);
      mutation.reset();
    },
    apply() {
      // Pressed while typing: the press committed the number first, and it may have been nothing or wrong.
      if (touched.size === 0 || problems.length > 0) return;
      setResults(null);
      mutation.mutate({ ids: [...ids], change, acknowledge: false });
    },
    confirm() {
      mutation.mutate({ ids: needConfirmation.map((entry) => entry.id), change, acknowledge: true });
    },
  };
}
