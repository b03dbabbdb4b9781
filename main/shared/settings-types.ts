// The settings the core keeps for runs and logins, what `settings:get` answers, and where new containers'
// ports are published.
import type { LimitsChange } from './limits-types';
import type { RegistryCredentialStorage } from './registry-types';
import type { StatsAlertSettings } from './stats-history-types';

/** Settings the core keeps (in Berth's config folder), used by runs. */
export interface BerthSettings {
  /** The default limit profile applied by one-click run and preset in the run dialog. */
  defaultRunLimits: LimitsChange;
  /** Where registry logins are saved. */
  registryCredentials: RegistryCredentialStorage;
  /** Where new containers' ports are published; absent: 'loopback' (files from before this setting lack it). */
  publishInterface?: PublishInterface;
  /** auto (absent): record every container where counters are cheap (see StatsRecordingMode); off: only watched ones, nothing stored. */
  statsRecording?: StatsRecordingSetting;
  /** Days a removed container's recorded history is kept; absent: 7. */
  historyRetentionDays?: number;
  /** The most the stats history may take on disk, MiB (least recently written containers dropped first); absent: 512. */
  historyCapMiB?: number;
  /** When Berth raises stats alerts; absent: `defaultStatsAlertSettings`. */
  statsAlerts?: StatsAlertSettings;
  /** Desktop app: closing the window keeps Berth running in the tray; absent: true. */
  closeToTray?: boolean;
  /** Desktop app: where updates are published (an electron-updater "generic" feed); absent: no update checks. */
  updateFeedUrl?: string;
  /** Desktop app: look for updates at start and every 6 hours; absent: true (with a feed). */
  updateChecks?: boolean;
  /** Desktop app: start Berth (in the tray) when the user logs in; absent: false. */
  startAtLogin?: boolean;
  /** Desktop app: which notifications to show; a kind absent is on. */
  desktopNotifications?: Partial<Record<DesktopNoticeKind, boolean>>;
}

/** Kinds of desktop notification: failed containers, stats alerts, the engine stopping, transfers ending. */
export const desktopNoticeKinds = ['containers', 'alerts', 'engine', 'transfers', 'builds'] as const;
export type DesktopNoticeKind = (typeof desktopNoticeKinds)[number];

export const statsRecordingSettings = ['auto', 'off'] as const;
export type StatsRecordingSetting = (typeof statsRecordingSettings)[number];
export const defaultHistoryRetentionDays = 7;
export const defaultHistoryCapMiB = 512;

/**
 * Where Berth publishes a new container's ports: on this computer only (127.0.0.1, the default), or on every
 * interface (0.0.0.0), which makes them reachable from other machines on the network.
 */
export const publishInterfaces = ['loopback', 'all'] as const;
export type PublishInterface = (typeof publishInterfaces)[number];
export const defaultPublishInterface: PublishInterface = 'loopback';

/** The host address a choice stands for; explicit, so the engine's own default (`dockerd --ip`) never decides. */
export const publishAddress: Readonly<Record<PublishInterface, string>> = { loopback: '127.0.0.1', all: '0.0.0.0' };

/** What `settings:get` and `settings:update` answer: the saved settings, and what this process can do. */
export interface SettingsView {
  settings: BerthSettings;
  /** Whether `registryCredentials: 'encrypted'` can be chosen here (Electron safeStorage is usable). */
  encryptionAvailable: boolean;
  /** Why it cannot, in words for the settings page; null when it can. */
  encryptionProblem: string | null;
  /** The settings file could not be used at start (and was kept aside): what happened, for the UI to say. */
  fileProblem: string | null;
}
