// Settings → "Alerts": when Berth raises stats alerts (memory near a container's limit, CPU throttled, OOM
// kills), with each number checked against the contract's range at its field and saved through
// settings:update; and the offer to show them as desktop notifications too (asked only on that press).
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useId, useState, useSyncExternalStore } from 'react';
import { Button } from 'react-aria-components';
import type { SettingsView } from '@shared/settings-types';
import { defaultStatsAlertSettings, type StatsAlertSettings } from '@shared/stats-history-types';
import { desktopPermission, requestDesktopPermission } from '../../alerts/desktop-notifications';
import { ErrorAlert } from '../../components/error-alert';
import { SettingField } from '../../components/setting-field';
import { SettingSwitch } from '../../components/setting-switch';
import { QueryError } from '../../components/query-error';
import { channelKey, useChannelQuery } from '../../data/channel-query';
import { useBerthClient } from '../../data/client-context';
import '../../styles/alert-toasts.css';
import { alertProblems, draftOf, settingsOf, type AlertDraft, type AlertNumberField } from './alert-settings-model';

export function AlertsSection() {
  const titleId = useId();
  const settings = useChannelQuery('settings:get', {});
  const saved = settings.data?.settings.statsAlerts ?? defaultStatsAlertSettings;
  const app = useChannelQuery('app:info', {}, { staleTime: Infinity }).data;
  const client = useBerthClient();
  const queries = useQueryClient();
  // Here rather than in the form: a save changes the thresholds, which remounts the form, and its note stays.
  const save = useMutation({
    mutationFn: (statsAlerts: StatsAlertSettings) => client.invoke('settings:update', { statsAlerts }),
    onSuccess: (view: SettingsView) => queries.setQueryData(channelKey('settings:get', {}), view),
  });
  return (
    <section className="panel alerts-settings" aria-labelledby={titleId}>
      <h2 id={titleId}>Alerts</h2>
      <p className="field-description">
        Berth tells you when a running container stays near its memory limit, is held back by its CPU limit, or is
        killed for running out of memory. At most one alert per container and kind every 10 minutes.
      </p>
      {settings.error && (
        <QueryError what="the settings" error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.isPending && <p className="muted">Loading…</p>}
      {/* Remounted when the saved thresholds change elsewhere (another window), so the form starts from them. */}
      {settings.data && <AlertsForm key={JSON.stringify(saved)} saved={saved} save={save} />}
      {/* The desktop app notifies from its main process (Settings → Desktop app); a browser asks the page. */}
      {app && app.transport !== 'electron' && <DesktopNotificationsChoice />}
    </section>
  );
}

interface FormProps {
  saved: StatsAlertSettings;
  save: UseMutationResult<SettingsView, Error, StatsAlertSettings>;
}

function AlertsForm({ saved, save }: FormProps) {
  const [draft, setDraft] = useState<AlertDraft>(() => draftOf(saved));
  const problems = alertProblems(draft);
  const valid = Object.keys(problems).length === 0;
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(saved));
  const edit = (next: AlertDraft) => {
    setDraft(next);
    save.reset();
  };
  const number = (field: AlertNumberField, label: string, unit: string) => (
    <AlertNumber
      label={label}
      unit={unit}
      value={draft.numbers[field]}
      problem={problems[field]}
      isDisabled={!draft.enabled || save.isPending}
      onChange={(value) => edit({ ...draft, numbers: { ...draft.numbers, [field]: value } })}
    />
  );
  return (
    <>
      <SettingSwitch
        label="Raise alerts"
        isSelected={draft.enabled}
        isDisabled={save.isPending}
        onChange={(enabled) => edit({ ...draft, enabled })}
      />
      <fieldset className="settings-fieldset" disabled={!draft.enabled}>
        <legend>Memory near its limit (containers with a memory limit)</legend>
        {number('memoryPercent', 'Memory above', '% of the limit')}
        {number('memorySeconds', 'For at least', 'seconds')}
      </fieldset>
      <fieldset className="settings-fieldset" disabled={!draft.enabled}>
        <legend>CPU throttled</legend>
        {number('throttledPercent', 'Throttled above', '% of CPU periods')}
        {number('throttledSeconds', 'For at least', 'seconds')}
      </fieldset>
      <SettingSwitch
        label="Alert when a container is killed for running out of memory (OOM)"
        isSelected={draft.oom}
        isDisabled={!draft.enabled || save.isPending}
        onChange={(oom) => edit({ ...draft, oom })}
      />
      {save.error && (
        <ErrorAlert
          title="The alert settings were not saved"
          message={save.error.message}
          onDismiss={() => save.reset()}
        />
      )}
      <div className="default-limits-actions">
        <Button
          className="button"
          onPress={() => valid && save.mutate(settingsOf(draft))}
          isDisabled={save.isPending || !dirty || !valid}
          isPending={save.isPending}
        >
          Save alerts
        </Button>
        <Button className="button button-quiet" onPress={() => edit(draftOf(saved))} isDisabled={!dirty}>
          Reset
        </Button>
        <span role="status" className="run-hint">
          {save.isSuccess && !dirty ? 'Saved. Alerts use these thresholds from now on.' : ''}
        </span>
      </div>
    </>
  );
}

interface AlertNumberProps {
  label: string;
  unit: string;
  value: string;
  problem: string | undefined;
  isDisabled: boolean;
  onChange: (value: string) => void;
}

/** Free text rather than a clamping number field: a value out of range is said at the field, not changed. */
function AlertNumber({ label, unit, value, problem, isDisabled, onChange }: AlertNumberProps) {
  return (
    <SettingField
      className="setting-number"
      label={`${label} (${unit})`}
      value={value}
      onChange={onChange}
      problem={problem ?? null}
      isDisabled={isDisabled}
      inputMode="numeric"
    />
  );
}

/** Desktop notifications are the browser's (or Electron's) to allow: asked on this press only. */
function DesktopNotificationsChoice() {
  const permission = useSyncExternalStore(desktopPermission.subscribe, desktopPermission.get);
  const words = {
    granted: 'Alerts also show as desktop notifications.',
    denied: 'Desktop notifications are blocked for this page: allow them in the browser’s site settings.',
    unsupported: 'This window cannot show desktop notifications; alerts show inside Berth.',
    default: 'Alerts show inside Berth. They can also show as desktop notifications.',
  }[permission];
  return (
    <div className="alerts-desktop">
      <span className="run-hint">{words}</span>
      {permission === 'default' && (
        <Button className="button button-quiet" onPress={() => void requestDesktopPermission()}>
          Allow desktop notifications
        </Button>
      )}
    </div>
  );
}
