// Registers the `app` scheme (before ready: a standard, secure origin with fetch) and serves it from the
// built renderer (after ready) through app-response.ts.
import { protocol } from 'electron';
import type { Logger } from '../core/logger';
import { staticRoot } from '../core/serve/static-files';
import { appResponse, appScheme } from './app-response';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export async function serveAppProtocol(rendererDir: string, log: Logger): Promise<void> {
  const root = await staticRoot(rendererDir);
  protocol.handle(appScheme, async (request) => {
    const answer = await appResponse(request.method, request.url, root);
    if (answer.status !== 200) log.warn(`[app] ${request.method} ${request.url} answered ${answer.status}`);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}
