// Which DOCKER_HOST the compose CLI gets for each kind of active engine, and what it is told when none is usable.
import { describe, expect, it } from 'vitest';
import { composeHostFor, envForHost } from '../../../../main/core/compose/compose-host';
import type { EngineView } from '../../../../main/shared/engine-manager-types';
import type { EngineInfo } from '../../../../main/shared/engine-types';

function view(
  kind: EngineView['kind'],
  host: string,
  source: 'DOCKER_HOST' | 'context' | 'berth' = 'berth',
): EngineView {
  return {
    id: `x-${kind}`,
    name: 'dev',
    kind,
    host,
    active: true,
    providerState: 'running',
    connection: { state: 'connected', endpoint: { host, source }, info: {} as EngineInfo, since: 0 },
    canStart: false,
    canStop: false,
    controlReason: null,
    dockerContext: null,
    removable: true,
  };
}

describe('composeHostFor', () => {
  it('names a VM engine by its socket served on this computer, not its SSH address', () => {
    const host = composeHostFor(view('vm', 'ssh://berth@127.0.0.1:2222'), { BERTH_RUNTIME_DIR: '/run/x' });
    expect(host.dockerHost).toBe('unix:///run/x/vm-dev/docker.sock');
  });

  it('names an SSH engine by its ssh:// address', () => {
    expect(composeHostFor(view('ssh', 'ssh://me@box:2200'), {}).dockerHost).toBe('ssh://me@box:2200');
  });

  it('keeps TLS settings only for the engine DOCKER_HOST named', () => {
    const base = { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs', DOCKER_CONTEXT: 'other' };
    const fromEnv = envForHost(base, composeHostFor(view('existing', 'tcp://h:2376', 'DOCKER_HOST'), {}));
    expect(fromEnv).toMatchObject({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' });
    expect(fromEnv.DOCKER_CONTEXT).toBeUndefined();
    const owned = envForHost(base, composeHostFor(view('berth-dockerd', 'unix:///run/berth/docker.sock'), {}));
    expect(owned.DOCKER_HOST).toBe('unix:///run/berth/docker.sock');
    expect(owned.DOCKER_TLS_VERIFY).toBeUndefined();
  });

  it('refuses when no engine is active or it is not connected, saying why', () => {
    expect(() => composeHostFor(undefined, {})).toThrow(/No engine is active/);
    const away = view('berth-dockerd', 'unix:///x.sock');
    away.connection = { state: 'unreachable', endpoint: null, reason: 'it stopped', since: 0, retryAt: null };
    expect(() => composeHostFor(away, {})).toThrow(/dev is not connected: it stopped/);
  });
});
