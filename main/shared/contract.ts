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

export const channels = {
  'app:info': channel<typeof none, AppInfo>(none),
  'engine:status': channel<typeof none, EngineStatus>(none),
  'engine:reconnect': channel<typeof none, EngineStatus>(none),
  'containers:list': channel<typeof containersListRequest, ContainerSummary[]>(containersListRequest),
  'containers:start': channel<typeof containerIdRequest, { id: string }>(containerIdRequest),
  'containers:stop': channel<typeof containerStopRequest, { id: string }>(containerStopRequest),
  'containers:remove': channel<typeof containerRemoveRequest, { id: string }>(containerRemoveRequest),
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
}

export type Channel = keyof typeof channels;
export type EventName = keyof EventPayloads;
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = (typeof channels)[C]['response'];

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames: readonly EventName[] = ['engine:status', 'containers:changed'];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}
