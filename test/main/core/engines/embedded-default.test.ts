import { describe, expect, it } from 'vitest';
import { shouldStartEmbeddedEngine, type EmbeddedDefaultFacts } from '../../../../main/core/engines/embedded-default';
import { controlReason } from '../../../../main/core/engines/existing-provider';

const away: EmbeddedDefaultFacts = {
  platform: 'linux',
  optedOut: false,
  configuredEngines: 0,
  discovered: {
    state: 'unreachable',
    endpoint: null,
    reason: 'nothing at unix:///var/run/docker.sock',
    since: 0,
    retryAt: 1,
  },
  dockerd: { available: true, reason: null },
};

describe('shouldStartEmbeddedEngine', () => {
  it('starts Berth’s own dockerd on Linux when no engine answers and dockerd may run', () => {
    expect(shouldStartEmbeddedEngine(away)).toBe(true);
  });

  it.each<[string, Partial<EmbeddedDefaultFacts>]>([
    [
      'an engine answers',
      {
        discovered: {
          state: 'connected',
          endpoint: { host: 'unix:///var/run/docker.sock', source: 'default-socket' },
          info: {} as never,
          since: 0,
        },
      },
    ],
    ['not Linux', { platform: 'darwin' }],
    ['opted out', { optedOut: true }],
    ['engines configured before', { configuredEngines: 1 }],
    ['dockerd cannot run', { dockerd: { available: false, reason: 'dockerd is not installed' } }],
    ['DOCKER_HOST names the engine to use', { explicitHost: true }],
  ])('does not when %s', (_why, change) => {
    expect(shouldStartEmbeddedEngine({ ...away, ...change })).toBe(false);
  });
});

describe('controlReason', () => {
  const systemd = (path: string) => path === '/run/systemd/system';
  it('says who runs the discovered engine and how to start it', () => {
    expect(controlReason('unix:///var/run/docker.sock', systemd)).toMatch(
      /systemd: start it with `sudo systemctl start docker`/,
    );
    expect(controlReason('unix:///run/user/1000/podman/podman.sock', systemd)).toMatch(/Podman/);
    expect(controlReason('unix:///Users/me/.docker/run/docker.sock', systemd)).toMatch(/Docker Desktop/);
    expect(controlReason('ssh://me@box', systemd)).toMatch(/remote engine/);
    expect(controlReason('unix:///var/run/docker.sock', () => false)).toMatch(/only connects/);
  });
});
