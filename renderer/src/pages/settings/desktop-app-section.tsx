// Settings → "Desktop app" (the Electron app only): closing to the tray, starting at login, which desktop
// notifications show, and updates from a feed (none unless one is set here).
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { DesktopNoticeKind } from '@shared/settings-types';
import { ErrorAlert } from '../../components/error-alert';
import { SettingField } from '../../components/setting-field';
import { SettingSwitch } from '../../components/setting-switch';
import { useChannelQuery } from '../../data/channel-query';
import { useSettingSave } from './use-setting-save';

const noticeLabels: ReadonlyArray<{ kind: DesktopNoticeKind; label: string }> = [
  { kind: 'containers', label: 'A container stops by itself with an error, or is killed for memory' },
  { kind: 'alerts', label: 'A stats alert (memory near its limit, CPU throttled)' },
  { kind: 'engine', label: 'The engine stops, or cannot start' },
  { kind: 'transfers', label: 'A pull or push you started ends' },
  { kind: 'builds', label: 'A build you started finishes or fails' },
];

/** An empty feed clears it; otherwise an http(s) address. */
export function feedProblem(text: string): string | null {
  return text === '' || /^https?:\/\/\S+$/.test(text) ? null : 'Enter an http:// or https:// address, or nothing.';
}

export function DesktopAppSection() {
  const titleId = useId();
  const settings = useChannelQuery('settings:get', {}).data?.settings;
  const save = useSettingSave();
  const [feed, setFeed] = useState<string | null>(null);
  if (!settings) return null;
  const shownFeed = feed ?? settings.updateFeedUrl ?? '';
  const problem = feed === null ? null : feedProblem(feed);
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Desktop app</h2>
      <SettingSwitch
        label="Keep Berth in the tray when its window closes"
        isSelected={settings.closeToTray !== false}
        isDisabled={save.isPending}
        onChange={(closeToTray) => save.mutate({ closeToTray })}
      />
      <SettingSwitch
        label="Start Berth in the tray when I log in"
        isSelected={settings.startAtLogin === true}
        isDisabled={save.isPending}
        onChange={(startAtLogin) => save.mutate({ startAtLogin })}
      />
      <fieldset className="settings-fieldset is-stacked">
        <legend>Desktop notifications when</legend>
        {noticeLabels.map(({ kind, label }) => (
          <SettingSwitch
            key={kind}
            label={label}
            isSelected={settings.desktopNotifications?.[kind] !== false}
            isDisabled={save.isPending}
            onChange={(on) => save.mutate({ desktopNotifications: { [kind]: on } })}
          />
        ))}
      </fieldset>
      <fieldset className="settings-fieldset is-stacked">
        <legend>Updates</legend>
        <SettingSwitch
          label="Look for updates at start and every 6 hours"
          isSelected={settings.updateChecks !== false}
          isDisabled={save.isPending}
          onChange={(updateChecks) => save.mutate({ updateChecks })}
        />
        <div className="setting-row">
          <SettingField
            className="setting-wide"
            label="Update feed"
            value={shownFeed}
            onChange={setFeed}
            problem={problem}
            isDisabled={save.isPending}
            placeholder="https://… (none: Berth never looks for updates)"
          />
          <Button
            className="button"
            isDisabled={feed === null || problem !== null || save.isPending}
            onPress={() => save.mutate({ updateFeedUrl: shownFeed }, { onSuccess: () => setFeed(null) })}
          >
            Save
          </Button>
        </div>
      </fieldset>
      {save.error && (
        <ErrorAlert
          title="The desktop setting was not saved"
          message={save.error.message}
          onDismiss={() => save.reset()}
        />
      )}
    </section>
  );
}
