// Copy diagnostics: only allow-listed environment variables are shown (the rest counted), Berth's own
// variables minus secret-named ones, and every secret that reaches the text is redacted.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDiagnostics, environmentSection } from '../../../../main/core/engines/diagnostics';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'berth-diag-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const env = {
  DOCKER_HOST: 'ssh://me@build-box',
  DOCKER_CONTEXT: 'berth',
  DOCKER_TLS_VERIFY: '1',
  BERTH_CONFIG_DIR: '/srv/berth',
  BERTH_REGISTRY_TOKEN: 'tok-not-shown-1',
  PATH: '/usr/local/bin:/usr/bin',
  XDG_RUNTIME_DIR: '/run/user/0',
  HTTPS_PROXY: 'http://me:proxy-pass-2@proxy:3128',
  SSH_AUTH_SOCK: '/tmp/ssh-agent.sock',
  // Not on the list, secret-looking or not: left out and counted.
  AWS_SECRET_ACCESS_KEY: 'aws-not-shown-3',
  MY_APP_SETTING: 'plain-not-shown-4',
  HOME: '/root',
  DOCKER_PASSWORD: 'docker-not-shown-5',
};

describe('environmentSection', () => {
  it('shows allow-listed variables, BERTH_* without secret names, SSH_AUTH_SOCK as set only, and counts the rest', () => {
    expect(environmentSection(env)).toEqual([
      'BERTH_CONFIG_DIR=/srv/berth',
      'DOCKER_CONTEXT=berth',
      'DOCKER_HOST=ssh://me@build-box',
      'DOCKER_TLS_VERIFY=1',
      'HTTPS_PROXY=http://me:proxy-pass-2@proxy:3128',
      'PATH=/usr/local/bin:/usr/bin',
      'SSH_AUTH_SOCK is set',
      'XDG_RUNTIME_DIR=/run/user/0',
      '(5 other variables left out)',
    ]);
  });
});

describe('buildDiagnostics', () => {
  it('carries the allowed environment and no secret from the environment, settings, docker config or logs', async () => {
    await writeFile(
      join(home, 'config.json'),
      JSON.stringify({ auths: { 'ghcr.io': { auth: 'bWU6Z2hjci1zZWNyZXQ=' } }, credsStore: 'pass' }),
    );
    const text = await buildDiagnostics({
      version: '0.0.0-test',
      transport: 'websocket',
      env: { ...env, DOCKER_CONFIG: home },
      engines: [],
      settings: { defaultRunLimits: {}, registryCredentials: 'docker-config', apiKey: 'settings-not-shown-6' },
      logs: () => [],
      homedir: home,
      platform: 'linux',
    });
    expect(text).toContain('## environment');
    expect(text).toContain('DOCKER_HOST=ssh://me@build-box');
    expect(text).toContain('PATH=/usr/local/bin:/usr/bin');
    expect(text).toContain('(5 other variables left out)');
    expect(text).toContain('credsStore: pass');
    expect(text).toContain('logins for: ghcr.io');
    expect(text).toContain('"registryCredentials": "docker-config"');
    expect(text).toContain('HTTPS_PROXY=http://me:[redacted]@proxy:3128');
    for (const secret of [
      'tok-not-shown-1',
      'proxy-pass-2',
      'aws-not-shown-3',
      'plain-not-shown-4',
      'docker-not-shown-5',
      'settings-not-shown-6',
      'bWU6Z2hjci1zZWNyZXQ=',
      '/tmp/ssh-agent.sock',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("a Berth engine's mode in the report", () => {
  it('says whether it runs root or rootless, and what that means for limits', async () => {
    const text = await buildDiagnostics({
      version: '0.0.0-test',
      transport: 'websocket',
      env: { DOCKER_CONFIG: home },
      engines: [
        {
          id: 'berth-berth',
          name: 'berth',
          kind: 'berth-dockerd',
          host: 'unix:///run/user/1000/berth/berth/docker.sock',
          active: true,
          providerState: 'stopped',
          connection: { state: 'unreachable', endpoint: null, reason: 'berth is stopped.', since: 0, retryAt: null },
          canStart: true,
          canStop: false,
          controlReason: null,
          dockerContext: null,
          removable: true,
          ownedMode: { mode: 'rootless', runAs: 'auto', note: 'cgroup v1: no limits.', limits: false },
        },
      ],
      settings: {},
      logs: () => [],
      homedir: home,
      platform: 'linux',
    });
    expect(text).toContain('runs rootless: cgroup v1: no limits.');
  });
});
