// The one IPC contract: every request channel with its zod request schema and response type, and every
// pushed event with its payload type. Main, preload and renderer share it; nothing else names channels.
import { z } from 'zod';
import type {
  ContainerSummary,
  ContainersChanged,
  EngineStatus,
  ImageSummary,
  NetworkSummary,
  VolumeSummary,
} from './engine-types';
import type { StatsHistory, StatsTick, StatsWatchResult } from './stats-types';
import {
  restartPolicyNames,
  type BulkLimitsResult,
  type ContainerLimitsView,
  type LimitsApplyResult,
  type LimitsSuggestion,
} from './limits-types';

/** Declares a channel: the schema validates what arrives, the phantom type documents what is returned. */
function channel<Req extends z.ZodType, Res>(request: Req) {
  return { request, response: undefined as unknown as Res };
}

/** A container's id (full or short) or its name, as the engine accepts in its paths. */
export const containerRef = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'must be a container id or name (letters, digits, _ . -)');

const none = z.object({}).strict();
const containersListRequest = z.object({ all: z.boolean().optional() }).strict();
const containerIdRequest = z.object({ id: containerRef }).strict();
const containerStopRequest = z
  .object({ id: containerRef, timeoutSeconds: z.number().int().min(0).max(600).optional() })
  .strict();
const containerRemoveRequest = z.object({ id: containerRef, force: z.boolean().optional() }).strict();
/** Declarative: the whole set this client wants stats for, replacing its previous set. */
const statsWatchRequest = z
  .object({ all: z.boolean().optional(), ids: z.array(containerRef).max(1000).optional() })
  .strict();
const statsHistoryRequest = z
  .object({ id: containerRef, seconds: z.number().int().min(1).max(3600).optional() })
  .strict();

/** Byte counts up to 1 PiB; limits are validated further (minimums, engine capacity) in the core. */
const bytes = z.number().int().min(0).max(2 ** 50);
const limitsChange = z
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
  .object({ ids: z.array(containerRef).min(1).max(200), change: limitsChange, acknowledgeBelowUsage: z.boolean().optional() })
  .strict();

export const channels = {
  'app:info': channel<typeof none, AppInfo>(none),
  'engine:status': channel<typeof none, EngineStatus>(none),
  'engine:reconnect': channel<typeof none, EngineStatus>(none),
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
  'volumes:list': channel<typeof none, VolumeSummary[]>(none),
  'networks:list': channel<typeof none, NetworkSummary[]>(none),
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
