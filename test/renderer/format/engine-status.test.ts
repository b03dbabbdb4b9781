import { describe, expect, it } from 'vitest';
import type { EngineInfo, EngineStatus } from '../../../main/shared/engine-types';
import { describeEndpoint, describeEngineStatus } from '../../../renderer/src/format/engine-status';

const endpoint = { host: 'unix:///var/run/docker.sock', source: 'default-socket' as const };
const info = { product: 'docker', version: '20.10.24' } as EngineInfo;

describe('describeEngineStatus', () => {
  it('names the product and version when connected', () => {
    const status: EngineStatus = { state: 'connected', endpoint, info, since: 0 };
    expect(describeEngineStatus(status, 0)).toEqual({
      label: 'Connected',
      detail: 'Docker Engine 20.10.24',
      retry: null,
      tone: 'ok',
    });
  });

  it('gives the reason and a retry countdown when unreachable', () => {
    const status: EngineStatus = {
      state: 'unreachable',
      endpoint,
      reason: 'connect ENOENT',
      since: 0,
      retryAt: 10_000,
    };
    expect(describeEngineStatus(status, 6_000)).toMatchObject({
      label: 'Unreachable',
      detail: 'connect ENOENT',
      retry: 'retrying in 4 s',
      tone: 'error',
    });
    expect(describeEngineStatus(status, 10_000).retry).toBe('retrying now');
    expect(describeEngineStatus({ ...status, retryAt: null }, 0).retry).toMatch(/^not retrying/);
  });

  it('says it is waiting while connecting or before the first status', () => {
    expect(describeEngineStatus({ state: 'connecting', endpoint: null, since: 0 }, 0)).toMatchObject({
      label: 'Connecting…',
      tone: 'pending',
    });
    expect(describeEngineStatus(undefined, 0)).toMatchObject({ label: 'Unknown', tone: 'pending' });
  });
});

describe('describeEndpoint', () => {
  it('shows the host and where it came from', () => {
    expect(describeEndpoint(endpoint)).toBe('unix:///var/run/docker.sock (default-socket)');
    expect(describeEndpoint({ host: 'ssh://me@box', source: 'context', label: 'box' })).toBe(
      'ssh://me@box (context box)',
    );
    expect(describeEndpoint(null)).toBe('No endpoint found');
  });
});
