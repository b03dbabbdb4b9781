// What `serve` mode answers to plain HTTP requests. The printed link (`/?token=…`) is checked and sent on
// to the session's path prefix, which serves the page and its files to Berth's own page only; anything
// else is refused. No cookie is ever set.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { checkRequest, checkSource, isAllowedFetchSite, requestUrl, sessionPrefix } from './serve-security';
import { securityHeaders, serveStatic, type StaticFileSystem } from './static-files';

export interface RouteContext {
  /** The renderer folder, from staticRoot(). */
  root: string;
  token: string;
  port: number;
  log: Logger;
  fs?: StaticFileSystem;
}

export async function routeHttp(
  request: IncomingMessage,
  response: ServerResponse,
  context: RouteContext,
): Promise<void> {
  const { token, port } = context;
  const headers = securityHeaders(port);
  const refuse = (status: number, text: string) =>
    response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
  const source = checkSource(request, port);
  if (!source.allowed) return void refuse(source.status, source.reason);
  const url = requestUrl(request);
  if (!url) return void refuse(400, 'The request target is not a valid URL path.');

  const prefix = sessionPrefix(token);
  if (url.pathname.startsWith(prefix)) {
    // Another page on 127.0.0.1 (any port is the same site) must not load or probe Berth's files.
    if (!isAllowedFetchSite(request.headers['sec-fetch-site']))
      return void refuse(403, 'Requests from other sites are refused.');
    await serveStatic(request, response, {
      root: context.root,
      urlPath: url.pathname.slice(prefix.length - 1),
      port,
      log: context.log,
      fs: context.fs,
    });
    return;
  }
  const verdict = checkRequest(request, port, token);
  if (!verdict.allowed) return void refuse(verdict.status, verdict.reason);
  if (url.pathname !== '/' && url.pathname !== prefix.slice(0, -1)) return void refuse(404, 'Not found');
  // The page's relative asset paths resolve under the prefix; the token rides along once for the page to
  // take (it moves it to sessionStorage and removes it from the address bar).
  response.writeHead(302, { ...headers, Location: `${prefix}${url.search}`, 'Cache-Control': 'no-store' }).end();
}
