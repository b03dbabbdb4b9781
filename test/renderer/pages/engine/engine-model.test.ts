// An engine's state badge (provider state and connection → label and tone) and the small texts around it.
import { describe, expect, it } from 'vitest';
import type { EngineView } from '../../../../main/shared/engine-manager-types';
import type { EngineStatus } from '../../../../main/shared/engine-types';
import {
  cgroupText,
  containerCounts,
  dockerContextHint,
  engineState,
  kindLabel,
  pickSelected,
} from '../../../../renderer/src/pages/engine/engine-model';

const endpoint = { host: 'unix:///run/berth/x/docker.sock', source: 'DOCKER_HOST' as const };
const connected = { state: 'connected', endpoint, info: {}, since: 1 } as EngineStatus;
const connecting: EngineStatus = { state: 'connecting', endpoint, since: 1 };
const unreachable: EngineStatus = { state: 'unreachable', endpoint, reason: 'connect ENOENT', since: 1, retryAt: 5 };

describe('engineState', () => {
  it('shows what Berth does with the process before what the socket says', () => {
    expect(engineState({ providerState: 'starting', connection: unreachable })).toEqual({
      label: 'Starting…',
      tone: 'pending',
      reason: null,
    });
    expect(engineState({ providerState: 'stopping', connection: connected })).toEqual({
      label: 'Stopping…',
      tone: 'pending',
      reason: null,
    });
    expect(engineState({ providerState: 'stopped', connection: unreachable })).toEqual({
      label: 'Stopped',
      tone: 'neutral',
      reason: null,
    });
  });

  it('follows the connection for running and external engines', () => {
    for (const providerState of ['running', 'external'] as const) {
      expect(engineState({ providerState, connection: connected })).toEqual({
        label: 'Running',
        tone: 'ok',
        reason: null,
      });
      expect(engineState({ providerState, connection: connecting }).label).toBe('Connecting…');
      expect(engineState({ providerState, connection: unreachable })).toEqual({
        label: 'Unreachable',
        tone: 'error',
        reason: 'connect ENOENT',
      });
    }
  });
});

describe('small texts', () => {
  it('names each kind', () => {
    expect(['existing', 'berth-dockerd', 'ssh', 'vm'].map((kind) => kindLabel(kind as EngineView['kind']))).toEqual([
      'Discovered',
      'Berth engine',
      'Remote (SSH)',
      'VM',
    ]);
  });

  it('gives the docker CLI command for a context', () => {
    expect(dockerContextHint('berth-build')).toBe('docker --context berth-build ps');
  });

  it('says the cgroup version with its driver, or whichever is known', () => {
    expect(cgroupText('2', 'systemd')).toBe('v2 (systemd)');
    expect(cgroupText('1', '')).toBe('v1');
    expect(cgroupText('', 'cgroupfs')).toBe('cgroupfs');
    expect(cgroupText('', '')).toBe('—');
  });
});

describe('pickSelected', () => {
  const engines = [
    { id: 'discovered', active: false },
    { id: 'berth-one', active: true },
  ] as EngineView[];

  it('keeps the chosen engine while it exists, else falls back to the active one', () => {
    expect(pickSelected(engines, 'discovered')?.id).toBe('discovered');
    expect(pickSelected(engines, 'gone')?.id).toBe('berth-one');
    expect(pickSelected(engines, null)?.id).toBe('berth-one');
    expect(pickSelected([], null)).toBeNull();
  });
});

describe('containerCounts', () => {
  const info = { containers: { running: 2, total: 2 } };
  it('counts the active engine from the live list, not the info of when Berth connected', () => {
    expect(containerCounts(info, [{ state: 'running' }, { state: 'running' }, { state: 'exited' }])).toEqual({
      running: 2,
      total: 3,
    });
    expect(containerCounts(info, [])).toEqual({ running: 0, total: 0 });
  });
  it("keeps the info's counts for an engine without a live list (not the active one, or not loaded yet)", () => {
    expect(containerCounts(info, undefined)).toEqual({ running: 2, total: 2 });
  });
});
