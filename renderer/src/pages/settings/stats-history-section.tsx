// Settings → "Stats history": whether Berth records every container's stats on disk (where the engine's
// counters are cheap), how long a removed container's history stays, and what the store takes now.
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { defaultHistoryRetentionDays } from '@shared/settings-types';
import { ErrorAlert } from '../../components/error-alert';
import { SettingField } from '../../components/setting-field';
import { SettingSwitch } from '../../components/setting-switch';
import { useChannelQuery } from '../../data/channel-query';
import { formatBytes } from '../../format/bytes';
import { useSettingSave } from './use-setting-save';

export function retentionProblem(text: string): string | null {
  const days = Number(text);
  return /^\d+$/.test(text.trim()) && days >= 1 && days <= 90 ? null : 'Enter whole days from 1 to 90.';
}

export function StatsHistorySection() {
  const titleId = useId();
  const settings = useChannelQuery('settings:get', {}).data?.settings;
  const recording = useChannelQuery('stats:recording', {}, { refetchInterval: 10_000 }).data;
  const save = useSettingSave();
  const savedDays = settings?.historyRetentionDays ?? defaultHistoryRetentionDays;
  const [days, setDays] = useState<string | null>(null);
  const shownDays = days ?? String(savedDays);
  const problem = days === null ? null : retentionProblem(days);
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
      <div className="setting-row">
        <SettingField
          className="setting-number"
          label="Removed containers’ history (days)"
          value={shownDays}
          onChange={setDays}
          problem={problem}
          isDisabled={save.isPending}
          inputMode="numeric"
        />
        <Button
          className="button"
          isDisabled={days === null || problem !== null || save.isPending}
          onPress={() => save.mutate({ historyRetentionDays: Number(shownDays) }, { onSuccess: () => setDays(null) })}
        >
          Save
        </Button>
      </div>
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
