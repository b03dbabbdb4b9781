// Settings → "Stats history": whether Berth records every container's stats on disk (where the engine's
// counters are cheap), how long a removed container's history stays, the most the store may take, and what it
// takes now.
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { defaultHistoryCapMiB, defaultHistoryRetentionDays, type BerthSettings } from '@shared/settings-types';
import { ErrorAlert } from '../../components/error-alert';
import { SettingField } from '../../components/setting-field';
import { SettingSwitch } from '../../components/setting-switch';
import { useChannelQuery } from '../../data/channel-query';
import { formatBytes } from '../../format/bytes';
import { useSettingSave } from './use-setting-save';

/** Null when `text` is a whole number in [min, max]; else what to enter, in the field's unit. */
function wholeProblem(text: string, min: number, max: number, unit: string): string | null {
  const value = Number(text);
  return /^\d+$/.test(text.trim()) && value >= min && value <= max
    ? null
    : `Enter whole ${unit} from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.`;
}

export function retentionProblem(text: string): string | null {
  return wholeProblem(text, 1, 90, 'days');
}

/** The cap in MiB: from 16 (about 7 containers' full history) to 64 GiB, as the settings schema allows. */
export function capProblem(text: string): string | null {
  return wholeProblem(text, 16, 65_536, 'MiB');
}

/** A number setting with its own Save, showing the saved value until edited. */
function NumberSettingRow({
  label,
  saved,
  problemOf,
  patch,
  save,
}: {
  label: string;
  saved: number;
  problemOf: (text: string) => string | null;
  patch: (value: number) => Partial<BerthSettings>;
  save: ReturnType<typeof useSettingSave>;
}) {
  const [edited, setEdited] = useState<string | null>(null);
  const shown = edited ?? String(saved);
  const problem = edited === null ? null : problemOf(edited);
  return (
    <div className="setting-row">
      <SettingField
        className="setting-number"
        label={label}
        value={shown}
        onChange={setEdited}
        problem={problem}
        isDisabled={save.isPending}
        inputMode="numeric"
      />
      <Button
        className="button"
        aria-label={`Save ${label}`}
        isDisabled={edited === null || problem !== null || save.isPending}
        onPress={() => save.mutate(patch(Number(shown)), { onSuccess: () => setEdited(null) })}
      >
        Save
      </Button>
    </div>
  );
}

export function StatsHistorySection() {
  const titleId = useId();
  const settings = useChannelQuery('settings:get', {}).data?.settings;
  const recording = useChannelQuery('stats:recording', {}, { refetchInterval: 10_000 }).data;
  const save = useSettingSave();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Stats history</h2>
      <p className="field-description">
        Berth keeps every running container’s stats on disk, whether or not a window shows them, where the engine’s
        counters are cheap to read: 1 s for 15 minutes, 10 s for 6 hours and 1 minute for 7 days.
      </p>
      {settings && (
        <SettingSwitch
          label="Record stats history"
          isSelected={settings.statsRecording !== 'off'}
          isDisabled={save.isPending}
          onChange={(on) => save.mutate({ statsRecording: on ? 'auto' : 'off' })}
        />
      )}
      {recording && (
        <p className="run-hint" role="status">
          {recording.reason} The history takes {formatBytes(recording.storeBytes)} of at most{' '}
          {formatBytes(recording.storeCapBytes)}.
        </p>
      )}
      <NumberSettingRow
        label="Removed containers’ history (days)"
        saved={settings?.historyRetentionDays ?? defaultHistoryRetentionDays}
        problemOf={retentionProblem}
        patch={(days) => ({ historyRetentionDays: days })}
        save={save}
      />
      <NumberSettingRow
        label="Most the history may take (MiB)"
        saved={settings?.historyCapMiB ?? defaultHistoryCapMiB}
        problemOf={capProblem}
        patch={(mib) => ({ historyCapMiB: mib })}
        save={save}
      />
      {save.error && (
        <ErrorAlert
          title="The stats history setting was not saved"
          message={save.error.message}
          onDismiss={() => save.reset()}
        />
      )}
    </section>
  );
}
