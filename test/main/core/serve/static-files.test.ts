import { describe, expect, it } from 'vitest';
import { resolveInside, securityHeaders } from '../../../../main/core/serve/static-files';

describe('static files', () => {
  const root = '/srv/berth/renderer';

  it('maps / to index.html and keeps paths inside the root', () => {
    expect(resolveInside(root, '/')).toBe('/srv/berth/renderer/index.html');
    expect(resolveInside(root, '/assets/index-abc.js')).toBe('/srv/berth/renderer/assets/index-abc.js');
  });

  it('refuses traversal, encoded traversal and NUL bytes', () => {
    // Dot segments are resolved against the root, so they cannot climb out of it.
    expect(resolveInside(root, '/../../etc/passwd')).toBe(`${root}/etc/passwd`);
    for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/a%00.js', '/%E0%A4%A']) {
      const resolved = resolveInside(root, path);
      expect(resolved === null || resolved.startsWith(`${root}/`), path).toBe(true);
    }
    expect(resolveInside(root, '/a%00.js')).toBeNull();
  });

  it('sends a strict CSP that allows only our own origin and bridge', () => {
    const csp = securityHeaders(4173)['Content-Security-Policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('ws://127.0.0.1:4173');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });
});
