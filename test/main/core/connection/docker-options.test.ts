import { Agent } from 'node:https';
import { describe, expect, it } from 'vitest';
import type { EngineTarget } from '../../../../main/core/connection/discover';
import { dockerOptionsFor } from '../../../../main/core/connection/docker-options';

const endpoint = { host: 'shown-only', source: 'DOCKER_HOST' } as const;

describe('dockerOptionsFor', () => {
  it('a unix socket becomes socketPath, overriding whatever DOCKER_HOST this process has', () => {
    const options = dockerOptionsFor({ endpoint, address: { kind: 'unix', path: '/run/x.sock' }, tls: null });
    expect(options).toMatchObject({ socketPath: '/run/x.sock', protocol: 'http' });
    expect('host' in options && options.host).toBeUndefined();
  });

  it('a named pipe becomes socketPath', () => {
    expect(
      dockerOptionsFor({ endpoint, address: { kind: 'npipe', path: '//./pipe/docker_engine' }, tls: null }).socketPath,
    ).toBe('//./pipe/docker_engine');
  });

  it('plain tcp is http to host and port', () => {
    expect(dockerOptionsFor({ endpoint, address: { kind: 'tcp', host: '::1', port: 2375 }, tls: null })).toMatchObject({
      host: '::1',
      port: 2375,
      protocol: 'http',
      socketPath: undefined,
    });
  });

  it('tcp with TLS passes the PEM material and verifies by default', () => {
    const target: EngineTarget = {
      endpoint,
      address: { kind: 'tcp', host: 'e', port: 2376 },
      tls: { ca: 'CA', cert: 'C', key: 'K', verify: true },
    };
    const options = dockerOptionsFor(target);
    expect(options).toMatchObject({ host: 'e', port: 2376, protocol: 'https', ca: 'CA', cert: 'C', key: 'K' });
    expect(options.agent).toBeUndefined();
  });

  it('tcp with SkipTLSVerify gets an agent that does not reject the certificate', () => {
    const options = dockerOptionsFor({
      endpoint,
      address: { kind: 'tcp', host: 'e', port: 2376 },
      tls: { verify: false },
    });
    expect(options.agent).toBeInstanceOf(Agent);
    expect(options.agent?.options.rejectUnauthorized).toBe(false);
  });

  it("never hands an ssh:// engine to dockerode's own SSH, which checks no host key", () => {
    expect(() =>
      dockerOptionsFor({
        endpoint: { host: 'ssh://me@box', source: 'DOCKER_HOST' },
        address: { kind: 'ssh', host: 'box', port: null, user: 'me' },
        tls: null,
        sshAgent: '/tmp/agent',
      }),
    ).toThrow(/SSH tunnel, which checks the host key/);
  });
});
