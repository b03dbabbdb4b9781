// The terminal channels (`exec:*`), served by the core's ExecSessions.
import type { Handlers } from '../ipc/router';
import type { ExecSessions } from './exec-sessions';

type ExecChannel = 'exec:open' | 'exec:input' | 'exec:resize' | 'exec:sessions' | 'exec:attach' | 'exec:close';

export function execHandlers(sessions: ExecSessions): Pick<Handlers, ExecChannel> {
  return {
    'exec:open': (request, client) => sessions.open(client.id, request),
    'exec:input': async (request, client) => sessions.input(client.id, request.streamId, request.data),
    'exec:resize': (request, client) => sessions.resize(client.id, request.streamId, request.cols, request.rows),
    'exec:sessions': async (request, client) => sessions.list(client.id, request.id),
    'exec:attach': (request, client) => sessions.attach(client.id, request),
    'exec:close': async (request, client) => sessions.close(client.id, request.sessionId),
  };
}
