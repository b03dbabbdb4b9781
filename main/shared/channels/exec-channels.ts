// Terminal channels: open a shell in a container as a stream, type into it, resize it, and find and
// reattach to this client's sessions after the page was left.
import { z } from 'zod';
import type { ExecOpened, ExecSessionView } from '../exec-types';
import type { StreamOpened } from '../stream-types';
import { channel, containerRef, streamId } from './channel-kit';

/** An absolute path of a shell inside the container, e.g. /bin/bash. */
const shellPath = z.string().regex(/^\/[a-zA-Z0-9_.+/-]{1,255}$/, 'must be an absolute path such as /bin/bash');
/** What `docker exec --user` takes: name or uid, with an optional group. */
const execUser = z
  .string()
  .regex(
    /^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,63}(:[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,63})?$/,
    'must be a user (name or uid[:gid])',
  );
const cols = z.number().int().min(1).max(1000);
const rows = z.number().int().min(1).max(1000);
const sessionId = z.uuid('must be a session id');

const execOpenRequest = z
  .object({ streamId, id: containerRef, shell: shellPath.optional(), user: execUser.optional(), cols, rows })
  .strict();
/** Keystrokes and pastes; a large paste is sent in pieces of at most 64 KiB. */
const execInputRequest = z.object({ streamId, data: z.string().min(1).max(65_536) }).strict();
const execResizeRequest = z.object({ streamId, cols, rows }).strict();
const execSessionsRequest = z.object({ id: containerRef }).strict();
const execAttachRequest = z.object({ streamId, sessionId, cols, rows }).strict();
const execCloseRequest = z.object({ sessionId }).strict();

export const execChannels = {
  /** Starts a shell with a TTY in a running container; its output is the stream. */
  'exec:open': channel<typeof execOpenRequest, ExecOpened & StreamOpened>(execOpenRequest),
  /** Types into the session the stream shows; only the client that opened the stream may. */
  'exec:input': channel<typeof execInputRequest, { ok: true }>(execInputRequest),
  'exec:resize': channel<typeof execResizeRequest, { ok: true }>(execResizeRequest),
  /** This client's sessions in a container, newest first. */
  'exec:sessions': channel<typeof execSessionsRequest, ExecSessionView[]>(execSessionsRequest),
  /** Shows a session on a new stream: what it printed lately (bounded), then what follows. */
  'exec:attach': channel<typeof execAttachRequest, ExecSessionView & StreamOpened>(execAttachRequest),
  /** Ends a session of this client: its shell, and what the shell runs, are hung up in the container. */
  'exec:close': channel<typeof execCloseRequest, { ok: true }>(execCloseRequest),
} as const;
