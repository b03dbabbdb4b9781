import { describe, expect, it } from 'vitest';
import { formatEngineAddress, parseEngineAddress } from '../../../../main/core/connection/engine-address';

const parse = (value: string, tls = false) => parseEngineAddress(value, { tls });

describe('parseEngineAddress', () => {
  it.each([
    ['unix:///var/run/docker.sock', { kind: 'unix', path: '/var/run/docker.sock' }],
    ['unix://', { kind: 'unix', path: '/var/run/docker.sock' }],
    ['npipe:////./pipe/docker_engine', { kind: 'npipe', path: '//./pipe/docker_engine' }],
    ['npipe://\\\\.\\pipe\\podman-machine-default', { kind: 'npipe', path: '//./pipe/podman-machine-default' }],
    ['tcp://10.0.0.1:2375', { kind: 'tcp', host: '10.0.0.1', port: 2375 }],
    ['tcp://[::1]:2375', { kind: 'tcp', host: '::1', port: 2375 }],
    ['10.0.0.1:1234', { kind: 'tcp', host: '10.0.0.1', port: 1234 }],
    ['ssh://box', { kind: 'ssh', host: 'box', port: null, user: null }],
  ])('%s', (value, address) => {
    expect(parse(value)).toEqual({ ok: true, address });
  });

  it('defaults the TCP port to 2376 with TLS and 2375 without', () => {
    expect(parse('tcp://e', true)).toEqual({ ok: true, address: { kind: 'tcp', host: 'e', port: 2376 } });
    expect(parse('tcp://e', false)).toEqual({ ok: true, address: { kind: 'tcp', host: 'e', port: 2375 } });
  });

  it.each(['', 'fd://3', 'tcp://e:2375/prefix', 'tcp://user@e:2375', 'ssh://me:secret@box', 'npipe://nope'])(
    'refuses %j',
    (value) => {
      const parsed = parse(value);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(5);
    },
  );
});

describe('formatEngineAddress', () => {
  it('prints canonical addresses, bracketing IPv6', () => {
    expect(formatEngineAddress({ kind: 'tcp', host: '::1', port: 2375 })).toBe('tcp://[::1]:2375');
    expect(formatEngineAddress({ kind: 'ssh', host: 'box', port: 2222, user: 'me' })).toBe('ssh://me@box:2222');
    expect(formatEngineAddress({ kind: 'npipe', path: '//./pipe/docker_engine' })).toBe(
      'npipe:////./pipe/docker_engine',
    );
  });
});
