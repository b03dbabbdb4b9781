// Settings → "Default limits for new containers": the limit profile one-click Run applies and the run dialog
// starts from (settings:get / settings:update), edited in the shared limits editor against the engine-wide
// capabilities (run/engine-capabilities.ts). Checked with the shared rules before Save; the core's own
// refusal shows in place too, with the edits kept.
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ContainerLimits, LimitsCapabilities, LimitsChange } from '@shared/limits-types';
import type { SettingsView } from '@shared/settings-types';
import { noLimits } from '@shared/limits/limit-fields';
import { normaliseLimits, resolveChange } from '@shared/limits/resolve-change';
import { validateLimits } from '@shared/limits/validate-limits';
import { ErrorAlert } from '../../components/error-alert';
import { LimitsEditor } from '../../components/limits-editor/limits-editor';
import { QueryError } from '../../components/query-error';
import { channelKey, useChannelQuery } from '../../data/channel-query';
import { useBerthClient } from '../../data/client-context';
import { problemsByField } from '../../limits/field-problems';
import { LimitsIgnoredNotice } from '../../limits/limits-ignored-notice';
import { engineCapabilities } from '../../run/engine-capabilities';
import { limitsProfile } from '../../run/run-form-check';
import '../../styles/run-dialog.css';

export function DefaultLimitsSection() {
  const titleId = useId();
  const settings = useChannelQuery('settings:get', {});
  const status = useChannelQuery('engine:status', {}).data;
  const capabilities = useMemo(() => engineCapabilities(status), [status]);
  const client = useBerthClient();
  const queries = useQueryClient();
  // Here rather than in the form: a save changes the profile, which remounts the form, and its note stays.
  const save = useMutation({
    mutationFn: (profile: LimitsChange) => client.invoke('settings:update', { defaultRunLimits: profile }),
    onSuccess: (saved) => queries.setQueryData(channelKey('settings:get', {}), saved),
  });
  return (
    <section className="panel default-limits" aria-labelledby={titleId}>
      <h2 id={titleId}>Default limits for new containers</h2>
      <p className="field-description">
        One-click Run applies these to every container it starts, and the run dialog starts from them. Containers
        already running keep theirs.
      </p>
      <LimitsIgnoredNotice />
      {settings.error && (
        <QueryError what="the settings" error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.isPending && <p className="muted">Loading…</p>}
      {!capabilities && (
        <p className="muted">
          The limits can be edited once the engine is connected: the editor needs its CPUs and memory.
        </p>
      )}
      {settings.data && capabilities && (
        // Remounted when the saved profile changes elsewhere (another window), so the editor starts from it.
        <DefaultLimitsForm
          key={JSON.stringify(settings.data.settings.defaultRunLimits)}
          saved={resolveChange(noLimits, settings.data.settings.defaultRunLimits)}
          capabilities={capabilities}
          save={save}
        />
      )}
    </section>
  );
}

interface FormProps {
  saved: ContainerLimits;
  capabilities: LimitsCapabilities;
  save: UseMutationResult<SettingsView, Error, LimitsChange>;
}

function DefaultLimitsForm({ saved, capabilities, save }: FormProps) {
  const [draft, setDraft] = useState<ContainerLimits>(saved);
  const [generation, setGeneration] = useState(0);
  // Save stays pressable while a number is typed but not committed (it commits on blur, before the press).
  const [typing, setTyping] = useState(false);
  const normalised = normaliseLimits(draft, capabilities.engineCpus);
  const profile = limitsProfile(normalised);
  const problems = validateLimits(normalised, noLimits, profile, capabilities);
  const dirty =
    JSON.stringify(limitsProfile(normaliseLimits(saved, capabilities.engineCpus))) !== JSON.stringify(profile);
  const reset = () => {
    setDraft(saved);
    setTyping(false);
    setGeneration((n) => n + 1);
    save.reset();
  };
  return (
    <>
      <div onInput={() => setTyping(true)}>
        <LimitsEditor
          key={generation}
          value={draft}
          capabilities={capabilities}
          onChange={(edit) => {
            setTyping(false);
            setDraft(edit.value);
            save.reset();
          }}
          problems={problemsByField(problems)}
          isDisabled={save.isPending}
        />
      </div>
      {save.error && (
        <ErrorAlert
          title="The default limits were not saved"
          message={save.error.message}
          onDismiss={() => save.reset()}
        />
      )}
      <div className="default-limits-actions">
        <Button
          className="button"
          onPress={() => problems.length === 0 && save.mutate(profile)}
          isDisabled={save.isPending || (!typing && (!dirty || problems.length > 0))}
          isPending={save.isPending}
        >
          Save default limits
        </Button>
        <Button className="button button-quiet" onPress={reset} isDisabled={save.isPending || (!dirty && !typing)}>
          Reset
        </Button>
        <span role="status" className="run-hint">
          {save.isSuccess && !dirty ? 'Saved. New runs use these limits.' : ''}
        </span>
      </div>
    </>
  );
}
