// The shape of settings.json, Berth's own file format: the general settings plus the engines part that the
// UI changes through `engines:*`. Kept apart from the `settings:update` request so the file can keep what a
// request does not carry (and the reverse) without one changing the other by accident.
import { z } from 'zod';
import { desktopNotificationsSchema, limitsChange, updateFeedUrlSchema } from '../../shared/contract';
import { registryCredentialStorages } from '../../shared/registry-types';
import {
  historyCapMiBSchema,
  historyRetentionDaysSchema,
  statsAlertSettingsSchema,
} from '../../shared/channels/stats-history-channels';
import { publishInterfaces, statsRecordingSettings } from '../../shared/settings-types';
import { enginesFileSchema } from './engines-file';

export const settingsFileSchema = z
  .object({
    defaultRunLimits: limitsChange.optional(),
    registryCredentials: z.enum(registryCredentialStorages).optional(),
    publishInterface: z.enum(publishInterfaces).optional(),
    statsRecording: z.enum(statsRecordingSettings).optional(),
    historyRetentionDays: historyRetentionDaysSchema.optional(),
    historyCapMiB: historyCapMiBSchema.optional(),
    statsAlerts: statsAlertSettingsSchema.optional(),
    closeToTray: z.boolean().optional(),
    desktopNotifications: desktopNotificationsSchema.optional(),
    updateFeedUrl: updateFeedUrlSchema.optional(),
    updateChecks: z.boolean().optional(),
    startAtLogin: z.boolean().optional(),
  })
  .strict()
  .extend(enginesFileSchema.shape);
