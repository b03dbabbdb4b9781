// The lifecycle channels beyond start/stop/remove: restart, pause, unpause, kill, rename, bulk actions on
// several containers (or a whole compose project) and why a stopped container stopped.
import { z } from 'zod';
import { bulkActions, killSignals, type BulkResult, type ExitInfo } from '../container-action-types';
import { channel, containerRef } from './channel-kit';

const timeoutSeconds = z.number().int().min(0).max(600);
const idRequest = z.object({ id: containerRef }).strict();
const restartRequest = z.object({ id: containerRef, timeoutSeconds: timeoutSeconds.optional() }).strict();
const killRequest = z.object({ id: containerRef, signal: z.enum(killSignals).optional() }).strict();
/** The engine's own rule for container names. */
const renameRequest = z
  .object({
    id: containerRef,
    name: z
      .string()
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'must start with a letter or digit, then letters, digits, _ . -'),
  })
  .strict();
/** A `com.docker.compose.project` value: compose makes them from lowercase letters, digits, `_` and `-`. */
const composeProject = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, 'must be a compose project name (letters, digits, _ . -)');
const bulkRequest = z
  .object({
    action: z.enum(bulkActions),
    ids: z.array(containerRef).min(1).max(200).optional(),
    project: composeProject.optional(),
    force: z.boolean().optional(),
    removeVolumes: z.boolean().optional(),
    signal: z.enum(killSignals).optional(),
    timeoutSeconds: timeoutSeconds.optional(),
  })
  .strict()
  .refine((request) => (request.ids === undefined) !== (request.project === undefined), {
    message: 'give exactly one of ids and project',
    path: ['ids'],
  });

export const containerActionChannels = {
  /** Stops (waiting `timeoutSeconds`, then kill) and starts again; a stopped container is just started. */
  'containers:restart': channel<typeof restartRequest, { id: string }>(restartRequest),
  'containers:pause': channel<typeof idRequest, { id: string }>(idRequest),
  'containers:unpause': channel<typeof idRequest, { id: string }>(idRequest),
  /** Sends a signal (default SIGKILL) to a running container's main process. */
  'containers:kill': channel<typeof killRequest, { id: string }>(killRequest),
  'containers:rename': channel<typeof renameRequest, { id: string; name: string }>(renameRequest),
  /** One action on many containers: every one is tried, each with its own result. */
  'containers:bulk': channel<typeof bulkRequest, BulkResult>(bulkRequest),
  /** Exit code, times, OOM kill, signal, the engine's error and the last 30 log lines of a container. */
  'containers:exit-info': channel<typeof idRequest, ExitInfo>(idRequest),
} as const;
