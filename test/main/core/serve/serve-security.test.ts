import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  checkRequest,
  isAllowedFetchSite,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  sessionPrefix,
} from '../../../../main/core/serve/serve-security';

const port = 4173;

function request(headers: Record<string, string>, url = '/'): IncomingMessage {
  return { headers, url } as unknown as IncomingMessage;
}

describe('serve security', () => {
  it('accepts only loopback Host headers with our port', () => {
    for (const host of ['127.0.0.1:4173', 'localhost:4173', '[::1]:4173', 'LOCALHOST:4173'])
      expect(isAllowedHost(host, port), host).toBe(true);
    for (const host of [
      undefined,
      '',
      'evil.example:4173',
      '127.0.0.1:80',
      '127.0.0.1',
      '127.0.0.2:4173',
      'localhost.evil.example:4173',
      '127.0.0.1:4173@evil',
      '0.0.0.0:4173',
    ]) {
      expect(isAllowedHost(host, port), String(host)).toBe(false);
    }
  });

  it('accepts no Origin or our own origin, refuses foreign and opaque ones', () => {
    expect(isAllowedOrigin(undefined, port)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4173', port)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4173', port)).toBe(true);
    for (const origin of [
      'null',
      'http://evil.example',
      'http://127.0.0.1:9999',
      'https://127.0.0.1:4173',
      'file://',
      'http://evil.example:4173',
    ]) {
      expect(isAllowedOrigin(origin, port), origin).toBe(false);
    }
  });

  it('decides 403 for a bad Host or Origin before 401 for a missing token', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(checkRequest(request({ host: 'rebind.example:4173' }, `/?token=${token}`), port, token)).toMatchObject({
      allowed: false,
      status: 403,
    });
    expect(
      checkRequest(request({ host: '127.0.0.1:4173', origin: 'http://evil.example' }, `/?token=${token}`), port, token),
    ).toMatchObject({ allowed: false, status: 403 });
    expect(checkRequest(request({ host: '127.0.0.1:4173' }), port, token)).toMatchObject({
      allowed: false,
      status: 401,
    });
    expect(checkRequest(request({ host: '127.0.0.1:4173' }, '/?token=wrong'), port, token)).toMatchObject({
      allowed: false,
      status: 401,
    });
    expect(checkRequest(request({ host: '127.0.0.1:4173' }, `/?token=${token}`), port, token)).toEqual({
      allowed: true,
    });
    // No cookie counts: cookies are not scoped by port, so Berth never sets or reads one.
    expect(
      checkRequest(
        request({ host: '127.0.0.1:4173', cookie: `a=b; berth_token=${token}` }, '/assets/x.js'),
        port,
        token,
      ),
    ).toMatchObject({ allowed: false, status: 401 });
  });

  it('answers 400 for a request target that is not a URL, rather than throwing', () => {
    const token = newToken();
    for (const url of ['http://[', 'http://[/bridge', `http://a b/?token=${token}`]) {
      expect(checkRequest(request({ host: '127.0.0.1:4173' }, url), port, token), url).toMatchObject({
        allowed: false,
        status: 400,
      });
    }
  });

  it('derives a per-session path prefix from the token, one way', () => {
    const token = newToken();
    const prefix = sessionPrefix(token);
    expect(prefix).toMatch(/^\/s\/[A-Za-z0-9_-]{22}\/$/);
    expect(sessionPrefix(token)).toBe(prefix);
    expect(sessionPrefix(newToken())).not.toBe(prefix);
    expect(prefix).not.toContain(token.slice(0, 8));
  });

  it('accepts Sec-Fetch-Site only from our own page or the user', () => {
    for (const site of [undefined, 'same-origin', 'none']) expect(isAllowedFetchSite(site), String(site)).toBe(true);
    // Every port of 127.0.0.1 is the same site: another local server's page is `same-site`.
    for (const site of ['same-site', 'cross-site', 'bogus']) expect(isAllowedFetchSite(site), site).toBe(false);
  });
});
