// The Limits panel's edits: the draft over what the engine enforces (no draft = nothing edited), the one
// change Apply would send, its problems by field, and whether a number is being typed but not yet committed
// (React Aria's NumberField commits on blur or Enter), so Apply and Reset stay pressable while typing.
import { useMemo, useState } from 'react';
import type { ContainerLimits, ContainerLimitsView } from '@shared/limits-types';
import { normaliseLimits } from '@shared/limits/resolve-change';
import { validateLimits } from '@shared/limits/validate-limits';
import type { Edit } from '../../../limits/limits-edit';
import { problemsByField } from '../../../limits/field-problems';
import { changeFields, diffLimits } from '../../../limits/limits-diff';

export function useLimitsDraft(view: ContainerLimitsView | undefined) {
  const [draft, setDraft] = useState<ContainerLimits | null>(null);
  const [typing, setTyping] = useState(false);
  // Remounts the editor on reset: a number typed but not committed lives in its field, not in the draft.
  const [generation, setGeneration] = useState(0);
  const base = view?.limits ?? null;
  const value = draft ?? base;
  const derived = useMemo(() => {
    if (!view || !base || !value) return null;
    const { engineCpus } = view.capabilities;
    const change = diffLimits(base, value, engineCpus);
    const problems = validateLimits(normaliseLimits(value, engineCpus), base, change, view.capabilities);
    return { change, problems, byField: problemsByField(problems), changed: new Set(changeFields(change)) };
  }, [view, base, value]);
  return {
    value,
    change: derived?.change ?? {},
    problems: derived?.problems ?? [],
    problemsByField: derived?.byField ?? {},
    changed: derived?.changed ?? new Set(),
    isDirty: draft !== null || typing,
    typing,
    generation,
    edit(edit: Edit) {
      setTyping(false);
      setDraft(edit.value);
    },
    /** Input events bubble from every field: a keystroke means a value is on its way. */
    onInput: () => setTyping(true),
    reset() {
      setTyping(false);
      setDraft(null);
      setGeneration((n) => n + 1);
    },
  };
}
