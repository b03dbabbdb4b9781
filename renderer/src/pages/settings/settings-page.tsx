// The Settings page: the colour theme (saved on this machine), the default limits new containers get, where
// their ports are published, where registry logins are saved, the stats history and when stats alerts are
// raised (kept by the core), the desktop app's own settings, and what this Berth is; a warning when the settings file could not be used at start.
import { useSyncExternalStore } from 'react';
import { ChoiceGroup } from '../../components/choice-group';
import { Page } from '../../components/page';
import { useChannelQuery } from '../../data/channel-query';
import { SettingsFileNotice } from '../engine/settings-file-notice';
import { AlertsSection } from './alerts-section';
import { DesktopAppSection } from './desktop-app-section';
import { DefaultLimitsSection } from './default-limits-section';
import { PublishInterfaceSection } from './publish-interface-section';
import { RegistryCredentialsSection } from './registry-credentials-section';
import { StatsHistorySection } from './stats-history-section';
import { setThemePreference, themePreference, type ThemePreference } from '../../theme/theme';

const themes: ReadonlyArray<{ value: ThemePreference; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsPage() {
  const theme = useSyncExternalStore(themePreference.subscribe, themePreference.get);
  const app = useChannelQuery('app:info', {}, { staleTime: Infinity }).data;
  return (
    <Page title="Settings">
      <SettingsFileNotice />
      <section className="panel" aria-labelledby="appearance-title">
        <h2 id="appearance-title">Appearance</h2>
        <ChoiceGroup
          label="Theme"
          options={themes}
          value={theme}
          onChange={setThemePreference}
          description="System follows the light or dark setting of your operating system. Saved on this computer."
        />
      </section>
      <DefaultLimitsSection />
      <PublishInterfaceSection />
      <RegistryCredentialsSection />
      <StatsHistorySection />
      <AlertsSection />
      {app?.transport === 'electron' && <DesktopAppSection />}
      <section className="panel" aria-labelledby="about-title">
        <h2 id="about-title">About</h2>
        <dl className="facts">
          <div className="fact">
            <dt>Berth version</dt>
            <dd>{app?.version ?? '…'}</dd>
          </div>
          <div className="fact">
            <dt>Connected through</dt>
            <dd>{app ? (app.transport === 'electron' ? 'Electron IPC' : 'WebSocket (berth serve)') : '…'}</dd>
          </div>
          <div className="fact">
            <dt>Platform</dt>
            <dd>{app?.platform ?? '…'}</dd>
          </div>
        </dl>
      </section>
    </Page>
  );
}
