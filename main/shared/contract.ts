// The one IPC contract: every request channel with its zod request schema and response type, and every
// pushed event with its payload type. Main, preload and renderer share it; nothing else names channels.
import { z } from 'zod';
import type { ContainerSummary, ContainersChanged } from './container-types';
import type { EngineStatus, NetworkSummary } from './engine-types';
import type { ImageSummary, ImageDetail, ImageHistoryEntry, ImagePruneResult, ImageRemoveResult } from './image-types';
import type { AddRemoteResult, EngineDiskUsage, EngineView, VmCompactResult, VmUsage } from './engine-manager-types';
import { registryCredentialStorages, type KnownRegistry, type LoginResult } from './registry-types';
import type { ReplicaGroup, RunResult } from './run-types';
import { desktopNoticeKinds, publishInterfaces, statsRecordingSettings, type SettingsView } from './settings-types';
import type { StatsAlert } from './stats-history-types';
import type { BuildEnded, ContainerExited } from './notice-types';
import type { SetupOptions } from './setup-types';
import {
  historyCapMiBSchema,
  historyRetentionDaysSchema,
  statsAlertSettingsSchema,
  statsHistoryChannels,
} from './channels/stats-history-channels';
import { sharedFoldersProblem } from './shared-folder-rules';
import { maxFocusedContainers, type StatsHistory, type StatsTick, type StatsWatchResult } from './stats-types';
import type { Transfer } from './transfer-types';
import type { StreamData, StreamEnd } from './stream-types';
import { channel, containerRef, none, streamId } from './channels/channel-kit';
import { execChannels } from './channels/exec-channels';
import { composeChannels } from './channels/compose-channels';
import { networksChannels } from './channels/networks-channels';
import { containerActionChannels } from './channels/container-action-channels';
import { logsChannels } from './channels/logs-channels';
import { inspectChannels } from './channels/inspect-channels';
import { buildChannels } from './channels/build-channels';
import { volumeChannels } from './channels/volume-channels';
import { filesChannels } from './channels/files-channels';
import { setupChannels } from './channels/setup-channels';
import type { VolumeItem } from './volume-types';
import {
  restartPolicyNames,
  type BulkLimitsResult,
  type ContainerLimitsView,
  type LimitsApplyResult,
  type LimitsSuggestion,
} from './limits-types';

export { containerRef };

const streamCloseRequest = z.object({ id: streamId }).strict();
const containersListRequest = z.object({ all: z.boolean().optional() }).strict();
const containerIdRequest = z.object({ id: containerRef }).strict();
const containerStopRequest = z
  .object({ id: containerRef, timeoutSeconds: z.number().int().min(0).max(600).optional() })
  .strict();
const containerRemoveRequest = z
  .object({ id: containerRef, force: z.boolean().optional(), volumes: z.boolean().optional() })
  .strict();
/**
 * Declarative: the whole set this client wants stats for, replacing its previous set. `focus`: containers whose
 * charts are on screen, sampled every `focusIntervalMs` (StatsWatchResult) instead of every `intervalMs`, so a
 * change shows sooner; they are watched too. Few, since each costs a sample several times a second.
 */
export const statsWatchRequest = z
  .object({
    all: z.boolean().optional(),
    ids: z.array(containerRef).max(1000).optional(),
    focus: z.array(containerRef).max(maxFocusedContainers).optional(),
  })
  .strict();
const statsHistoryRequest = z
  .object({ id: containerRef, seconds: z.number().int().min(1).max(3600).optional() })
  .strict();

/** Byte counts up to 1 PiB; limits are validated further (minimums, engine capacity) in the core. */
const bytes = z
  .number()
  .int()
  .min(0)
  .max(2 ** 50);
/** A change to resource limits, as the IPC takes it and as the settings file keeps the run profile. */
export const limitsChange = z
  .object({
    cpus: z.number().positive().max(1024).nullable().optional(),
    cpuShares: z.number().int().min(2).max(262144).nullable().optional(),
    cpusetCpus: z
      .string()
      .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'must list cores like 0-1,3')
      .max(200)
      .nullable()
      .optional(),
    memoryBytes: bytes.nullable().optional(),
    memoryReservationBytes: bytes.nullable().optional(),
    memorySwapBytes: bytes.nullable().optional(),
    pidsLimit: z.number().int().min(1).max(4_194_304).nullable().optional(),
    restartPolicy: z
      .object({ name: z.enum(restartPolicyNames), maximumRetryCount: z.number().int().min(0).max(1000) })
      .strict()
      .optional(),
  })
  .strict();
const limitsGetRequest = z.object({ id: containerRef }).strict();
const limitsApplyRequest = z
  .object({ id: containerRef, change: limitsChange, acknowledgeBelowUsage: z.boolean().optional() })
  .strict();
const limitsUndoRequest = z.object({ id: containerRef, acknowledgeBelowUsage: z.boolean().optional() }).strict();
const limitsBulkRequest = z
  .object({
    ids: z.array(containerRef).min(1).max(200),
    change: limitsChange,
    acknowledgeBelowUsage: z.boolean().optional(),
  })
  .strict();

/** An image id (`sha256:…` or short hex) or a reference (`nginx`, `127.0.0.1:5000/x/y:t`, `r@sha256:…`). */
export const imageRef = z
  .string()
  .max(512)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@+-]*$/, 'must be an image id or reference (like nginx:1.27)')
  // It goes into engine API paths: no "." or ".." parts, no empty ones.
  .refine(
    (value) => !value.split('/').some((part) => part === '' || part === '.' || part === '..'),
    'must be an image id or reference, without "." or ".." parts',
  );
/** What the user typed into a pull box; the core parses it (see image-reference.ts) for a specific message. */
const referenceText = z.string().max(512);
const imageIdRequest = z.object({ id: imageRef }).strict();
const imageRemoveRequest = z.object({ id: imageRef, force: z.boolean().optional() }).strict();
/** all=false: dangling images only (`docker image prune`); all=true: every image no container uses (`-a`). */
const imagePruneRequest = z.object({ all: z.boolean() }).strict();
const imageTagRequest = z
  .object({ id: imageRef, repository: z.string().min(1).max(255), tag: z.string().max(128).optional() })
  .strict();
const transferStartRequest = z.object({ reference: referenceText }).strict();
const transferIdRequest = z.object({ id: z.string().min(1).max(64) }).strict();
const registryName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-zA-Z0-9.:[\]-]+$/, 'must be a registry host like ghcr.io or 127.0.0.1:5000');
const loginRequest = z
  .object({ registry: registryName, username: z.string().min(1).max(255), password: z.string().min(1).max(4096) })
  .strict();
const logoutRequest = z.object({ registry: registryName }).strict();

const port = z.number().int().min(1).max(65535);
const keyValue = z.object({ key: z.string().min(1).max(255), value: z.string().max(32768) }).strict();
const runSpec = z
  .object({
    image: referenceText.min(1),
    name: containerRef.nullable(),
    command: z.array(z.string().max(32768)).max(256).nullable(),
    entrypoint: z.array(z.string().max(32768)).max(256).nullable(),
    env: z.array(keyValue).max(1000),
    publishAll: z.boolean(),
    ports: z
      .array(
        z
          .object({
            containerPort: port,
            protocol: z.enum(['tcp', 'udp', 'sctp']),
            hostPort: port.nullable(),
            hostIp: z.union([z.ipv4(), z.ipv6()]).nullable(),
          })
          .strict(),
      )
      .max(256),
    mounts: z
      .array(
        z
          .object({
            type: z.enum(['bind', 'volume']),
            source: z.string().min(1).max(4096),
            target: z.string().regex(/^\//, 'must be an absolute path in the container').max(4096),
            readOnly: z.boolean(),
          })
          .strict(),
      )
      .max(256),
    network: z.string().min(1).max(255).nullable(),
    restartPolicy: z
      .object({ name: z.enum(restartPolicyNames), maximumRetryCount: z.number().int().min(0).max(1000) })
      .strict(),
    labels: z.array(keyValue).max(1000),
    limits: limitsChange,
  })
  .strict();
const runRequest = z.object({ spec: runSpec, replicas: z.number().int().min(1).max(50).optional() }).strict();
const createRequest = z.object({ spec: runSpec }).strict();
const quickRunRequest = z.object({ image: referenceText.min(1) }).strict();
const replicaScaleRequest = z.object({ name: containerRef, replicas: z.number().int().min(0).max(50) }).strict();
/** Which desktop notifications to show, per kind. */
export const desktopNotificationsSchema = z.partialRecord(z.enum(desktopNoticeKinds), z.boolean());

/** An http(s) URL of an update feed ('' clears it). */
export const updateFeedUrlSchema = z
  .string()
  .max(2048)
  .regex(/^(https?:\/\/[^\s]+)?$/, 'must be an http:// or https:// address of an update feed');

const settingsUpdateRequest = z
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
  .strict();

/** Engine ids: `discovered`, `berth-<name>`, `ssh-<name>`, `vm-<name>`. */
const engineId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be an engine id');
const engineName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,30}$/,
    'must be lowercase letters, digits and dashes (up to 31), starting with a letter or digit',
  );
const engineIdRequest = z.object({ id: engineId }).strict();
const ownedRunAs = z.enum(['auto', 'rootless', 'helper']);
/** `runAs`: how a normal user's engine runs (absent: auto; engine-manager-types.ts OwnedRunAs). */
const addOwnedEngineRequest = z.object({ name: engineName, runAs: ownedRunAs.optional() }).strict();
const setRunAsRequest = z.object({ id: engineId, runAs: ownedRunAs }).strict();
const addRemoteEngineRequest = z
  .object({
    name: engineName,
    host: z
      .string()
      .max(300)
      .regex(
        /^ssh:\/\/([^@/\s]+@)?[a-zA-Z0-9.:[\]-]+(:\d{1,5})?$/,
        'must look like ssh://user@host or ssh://user@host:2222',
      ),
    identityFile: z.string().min(1).max(4096).nullable().optional(),
    socketPath: z.string().regex(/^\//, 'must be an absolute path on the remote machine').max(4096).optional(),
    /** The fingerprint the user accepted after a `trust-needed` answer; added to known_hosts when it matches. */
    trustFingerprint: z.string().max(200).optional(),
  })
  .strict();
/** A QEMU VM engine; unset sizes take the defaults (2 CPUs, 2048 MiB, 32 GiB), bounds as in the settings file. */
const addVmEngineRequest = z
  .object({
    name: engineName,
    cpus: z.number().int().min(1).max(64).optional(),
    memoryMiB: z.number().int().min(512).max(262_144).optional(),
    diskGiB: z.number().int().min(4).max(4096).optional(),
    /** Stop saves the VM's state and Start resumes it (default true). */
    suspendOnStop: z.boolean().optional(),
  })
  .strict();
const removeEngineRequest = z.object({ id: engineId, deleteData: z.boolean().optional() }).strict();
/** The host's platform where the payload is checked (the core; a renderer without `process` checks as POSIX). */
const checkingPlatform = (globalThis as { process?: { platform?: string } }).process?.platform ?? 'linux';
const vmSharedFoldersRequest = z
  .object({ id: engineId, folders: z.array(z.string().trim().min(1).max(4096)).max(32) })
  .strict()
  .superRefine((request, context) => {
    const problem = sharedFoldersProblem(request.folders, checkingPlatform);
    if (problem) context.addIssue({ code: 'custom', path: ['folders'], message: problem });
  });
const trustHostKeyRequest = z.object({ id: engineId, fingerprint: z.string().min(1).max(200) }).strict();

export const channels = {
  'app:info': channel<typeof none, AppInfo>(none),
  'engine:status': channel<typeof none, EngineStatus>(none),
  'engine:reconnect': channel<typeof none, EngineStatus>(none),
  'engines:list': channel<typeof none, EngineView[]>(none),
  /** Makes an engine the one the UI shows; instant, no restart. */
  'engines:set-active': channel<typeof engineIdRequest, EngineView[]>(engineIdRequest),
  'engines:start': channel<typeof engineIdRequest, EngineView>(engineIdRequest),
  'engines:stop': channel<typeof engineIdRequest, EngineView>(engineIdRequest),
  'engines:restart': channel<typeof engineIdRequest, EngineView>(engineIdRequest),
  /** A dockerd that Berth runs itself (Linux), with its own socket, data, bridge and docker context. */
  'engines:add-owned': channel<typeof addOwnedEngineRequest, EngineView>(addOwnedEngineRequest),
  /** How a stopped Berth-owned engine runs from its next start: auto, rootless, or through the privileged helper. */
  'engines:set-run-as': channel<typeof setRunAsRequest, EngineView>(setRunAsRequest),
  'engines:add-remote': channel<typeof addRemoteEngineRequest, AddRemoteResult>(addRemoteEngineRequest),
  /** A Linux VM (QEMU) with an engine inside; it boots in the background, its boot phases shown in the view. */
  'engines:add-vm': channel<typeof addVmEngineRequest, EngineView>(addVmEngineRequest),
  'engines:remove': channel<typeof removeEngineRequest, EngineView[]>(removeEngineRequest),
  /** Answers an engine's `hostKey` question (an engine over SSH, the discovered one too): known_hosts, then connect. */
  'engines:trust-host-key': channel<typeof trustHostKeyRequest, EngineView>(trustHostKeyRequest),
  /** The engine's recent log lines (Berth-owned engines; others say where their log is). */
  'engines:logs': channel<typeof engineIdRequest, string[]>(engineIdRequest),
  'engines:disk-usage': channel<typeof engineIdRequest, EngineDiskUsage>(engineIdRequest),
  /** A running VM's memory, CPU (over one second) and data disk as the guest sees them. */
  'engines:vm-usage': channel<typeof engineIdRequest, VmUsage>(engineIdRequest),
  /** Trims a running VM's data disk now (the guest's fstrim) and says how much the disk file shrank. */
  'engines:vm-compact': channel<typeof engineIdRequest, VmCompactResult>(engineIdRequest),
  /** A VM engine's shared folders setting (absolute, existing, no duplicates or nesting, no guest system folder); applies at its next start. */
  'engines:vm-shared-folders': channel<typeof vmSharedFoldersRequest, EngineView>(vmSharedFoldersRequest),
  /** Versions, engines, settings and recent engine log lines as text, secrets redacted, for a bug report. */
  'engines:diagnostics': channel<typeof none, { text: string }>(none),
  /** The first-run page's ways to get an engine on this system (distribution package, Berth's own, a VM). */
  'engines:setup-options': channel<typeof none, SetupOptions>(none),
  'containers:list': channel<typeof containersListRequest, ContainerSummary[]>(containersListRequest),
  'containers:start': channel<typeof containerIdRequest, { id: string }>(containerIdRequest),
  'containers:stop': channel<typeof containerStopRequest, { id: string }>(containerStopRequest),
  'containers:remove': channel<typeof containerRemoveRequest, { id: string }>(containerRemoveRequest),
  'stats:watch': channel<typeof statsWatchRequest, StatsWatchResult>(statsWatchRequest),
  'stats:history': channel<typeof statsHistoryRequest, StatsHistory>(statsHistoryRequest),
  'limits:get': channel<typeof limitsGetRequest, ContainerLimitsView>(limitsGetRequest),
  'limits:apply': channel<typeof limitsApplyRequest, LimitsApplyResult>(limitsApplyRequest),
  'limits:undo': channel<typeof limitsUndoRequest, LimitsApplyResult>(limitsUndoRequest),
  'limits:apply-bulk': channel<typeof limitsBulkRequest, BulkLimitsResult>(limitsBulkRequest),
  'limits:suggest': channel<typeof limitsGetRequest, LimitsSuggestion>(limitsGetRequest),
  'images:list': channel<typeof none, ImageSummary[]>(none),
  'images:inspect': channel<typeof imageIdRequest, ImageDetail>(imageIdRequest),
  'images:history': channel<typeof imageIdRequest, ImageHistoryEntry[]>(imageIdRequest),
  'images:remove': channel<typeof imageRemoveRequest, ImageRemoveResult>(imageRemoveRequest),
  'images:prune': channel<typeof imagePruneRequest, ImagePruneResult>(imagePruneRequest),
  'images:tag': channel<typeof imageTagRequest, { reference: string }>(imageTagRequest),
  /** Starts a pull and answers at once with the running transfer; progress arrives as `transfers:progress`. */
  'images:pull': channel<typeof transferStartRequest, Transfer>(transferStartRequest),
  'images:push': channel<typeof transferStartRequest, Transfer>(transferStartRequest),
  /** Running and recently finished transfers, so a reloaded window reattaches. */
  'transfers:list': channel<typeof none, Transfer[]>(none),
  'transfers:cancel': channel<typeof transferIdRequest, Transfer>(transferIdRequest),
  /** Forgets a finished transfer (the UI's close button). */
  'transfers:dismiss': channel<typeof transferIdRequest, { id: string }>(transferIdRequest),
  'registries:list': channel<typeof none, KnownRegistry[]>(none),
  'registries:login': channel<typeof loginRequest, LoginResult>(loginRequest),
  'registries:logout': channel<typeof logoutRequest, { registry: string }>(logoutRequest),
  /** Creates and starts `replicas` containers (default 1) from the spec, pulling the image first if needed. */
  'containers:run': channel<typeof runRequest, RunResult[]>(runRequest),
  /** One-click run: generated name, every exposed port published, the default limit profile. */
  'containers:run-quick': channel<typeof quickRunRequest, RunResult>(quickRunRequest),
  /** The run dialog's "Create only": the container made as `containers:run` would, not started. */
  'containers:create': channel<typeof createRequest, RunResult>(createRequest),
  'replicas:list': channel<typeof none, ReplicaGroup[]>(none),
  'replicas:scale': channel<typeof replicaScaleRequest, ReplicaGroup>(replicaScaleRequest),
  'settings:get': channel<typeof none, SettingsView>(none),
  /** Changes the fields present; 'encrypted' credentials are refused (CONFLICT) where encryption is unavailable. */
  'settings:update': channel<typeof settingsUpdateRequest, SettingsView>(settingsUpdateRequest),
  'volumes:list': channel<typeof none, VolumeItem[]>(none),
  'networks:list': channel<typeof none, NetworkSummary[]>(none),
  ...execChannels,
  ...composeChannels,
  ...networksChannels,
  ...containerActionChannels,
  ...logsChannels,
  ...inspectChannels,
  ...buildChannels,
  ...volumeChannels,
  ...filesChannels,
  ...setupChannels,
  ...statsHistoryChannels,
  /** Closes one of this client's streams (a log follow, a terminal, a build's output); closing twice is fine. */
  'streams:close': channel<typeof streamCloseRequest, { id: string }>(streamCloseRequest),
} as const;

export interface AppInfo {
  version: string;
  /** How this renderer reaches the core. */
  transport: 'electron' | 'websocket';
  platform: string;
}

/** Events the core pushes to every connected renderer. */
export interface EventPayloads {
  'engine:status': EngineStatus;
  'containers:changed': ContainersChanged;
  'stats:tick': StatsTick;
  /** A container crossed an alert threshold (Settings); at most one per container per condition per 10 min. */
  'stats:alert': StatsAlert;
  /** A transfer changed (throttled to a few times a second per transfer; always sent on state changes). */
  'transfers:progress': Transfer;
  /** An image was pulled, tagged, untagged, deleted or pushed (engine image events). */
  'images:changed': { id: string | null; action: string };
  /** Any engine's provider state, connection or the active one changed. */
  'engines:changed': EngineView[];
  /** New log lines of an engine Berth runs. */
  'engines:log': { id: string; lines: string[] };
  /** Output of a stream this client opened (sent to that client only). */
  'stream:data': StreamData;
  /** A stream ended; nothing more comes for its id. */
  'stream:end': StreamEnd;
  /** A container stopped by itself with a failure: a non-zero exit nobody asked for, or an OOM kill. */
  'containers:exited': ContainerExited;
  /** A build ended (built, failed or cancelled), for the desktop shell's notification. */
  'images:built': BuildEnded;
  /** The desktop shell asks the window to show a page (its menu, tray or a notification was clicked). */
  'app:navigate': { path: string };
}

export type Channel = keyof typeof channels;
export type EventName = keyof EventPayloads;
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = (typeof channels)[C]['response'];

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
