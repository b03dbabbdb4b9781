import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../../main/core/serve/serve-args';

describe('parseServeArgs', () => {
  it('defaults to any free port on 127.0.0.1', () => {
    expect(parseServeArgs(['serve'])).toEqual({ ok: true, help: false, port: 0, host: '127.0.0.1', rendererDir: null });
  });

  it('reads --port and --host in both spellings', () => {
    expect(parseServeArgs(['serve', '--port', '8080', '--host=::1'])).toMatchObject({
      ok: true,
      port: 8080,
      host: '::1',
    });
  });

  it('takes a relative --renderer from the current directory', () => {
    expect(parseServeArgs(['serve', '--renderer', 'dist/renderer'])).toMatchObject({
      ok: true,
      rendererDir: resolve(process.cwd(), 'dist/renderer'),
    });
    expect(parseServeArgs(['serve', '--renderer=/opt/berth/renderer'])).toMatchObject({
      ok: true,
      rendererDir: '/opt/berth/renderer',
    });
  });

  it('refuses non-loopback hosts, bad ports and unknown options with a specific message', () => {
    expect(parseServeArgs(['serve', '--host', '0.0.0.0'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('loopback'),
    });
    expect(parseServeArgs(['serve', '--port', '70000'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('--port'),
    });
    expect(parseServeArgs(['serve', '--port', 'abc'])).toMatchObject({ ok: false });
    expect(parseServeArgs(['serve', '--port'])).toMatchObject({ ok: false, message: '--port needs a value.' });
    expect(parseServeArgs(['serve', '--verbose', 'x'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('--verbose'),
    });
    expect(parseServeArgs(['run'])).toMatchObject({ ok: false, message: expect.stringContaining('"run"') });
  });
});
