// When the limit editors warn that the active engine does not enforce limits, and what they say is why.
import { describe, expect, it } from 'vitest';
import type { EngineView } from '../../../main/shared/engine-manager-types';
import type { EngineInfo, EngineStatus } from '../../../main/shared/engine-types';
import { limitsIgnoredWarning } from '../../../renderer/src/limits/limits-ignored';

const endpoint = { host: 'unix:///run/user/1000/berth/berth/docker.sock', source: 'berth' as const };

function connected(cgroupVersion: string): EngineStatus {
  return { state: 'connected', endpoint, info: { cgroupVersion } as EngineInfo, since: 1 };
}

function engine(overrides: Partial<EngineView>): EngineView {
  return {
    id: 'berth',
    name: 'berth',
    kind: 'berth-dockerd',
    host: endpoint.host,
    active: true,
    providerState: 'running',
    connection: connected('1'),
    canStart: false,
    canStop: true,
    controlReason: null,
    dockerContext: 'berth',
    removable: true,
    ...overrides,
  };
}

const ignored = { mode: 'rootless' as const, runAs: 'auto' as const, note: 'cgroup v1: no limits.', limits: false };

describe('limitsIgnoredWarning', () => {
  it('says nothing before the engine list has loaded, or when no engine is active', () => {
    expect(limitsIgnoredWarning(undefined)).toBeNull();
    expect(limitsIgnoredWarning([])).toBeNull();
    expect(limitsIgnoredWarning([engine({ active: false, ownedMode: ignored })])).toBeNull();
  });

  it('says nothing when the active engine enforces limits, or makes no claim about them', () => {
    expect(
      limitsIgnoredWarning([engine({ ownedMode: { mode: 'root', runAs: 'auto', note: 'as root', limits: true } })]),
    ).toBeNull();
    expect(limitsIgnoredWarning([engine({ ownedMode: { ...ignored, limits: true } })])).toBeNull();
    // The discovered engine, SSH and VM engines carry no ownedMode.
    expect(limitsIgnoredWarning([engine({ kind: 'existing', ownedMode: undefined })])).toBeNull();
  });

  it('follows the active engine, not another one that ignores limits', () => {
    const other = engine({ id: 'other', name: 'other', active: false, ownedMode: ignored });
    expect(limitsIgnoredWarning([other, engine({ id: 'vm', name: 'vm', kind: 'vm' })])).toBeNull();
    expect(limitsIgnoredWarning([engine({ active: false }), { ...other, active: true }])?.engineName).toBe('other');
  });

  it('on cgroup v1: names the engine, says the kernel cannot limit a rootless engine, and what to use instead', () => {
    expect(limitsIgnoredWarning([engine({ ownedMode: ignored })])).toEqual({
      engineName: 'berth',
      why: 'It runs rootless on cgroup v1, where the kernel cannot limit a rootless engine’s containers.',
      fix: 'To have them enforced, boot with cgroup v2 and delegate cpu, memory and pids to your user, or use an engine that runs as root or in a VM.',
    });
  });

  it('on cgroup v2: says the controllers are not delegated, and that the Engine page has the command', () => {
    const warning = limitsIgnoredWarning([engine({ ownedMode: ignored, connection: connected('2') })]);
    expect(warning?.why).toBe(
      'It runs rootless, and systemd does not delegate the cpu, memory and pids controllers to your user.',
    );
    expect(warning?.fix).toBe('One command delegates them (then log in again); the Engine page shows it.');
  });

  it('while the engine is not connected (no cgroup version known): names both causes, and points to the Engine page', () => {
    for (const connection of [
      { state: 'connecting', endpoint, since: 1 },
      { state: 'unreachable', endpoint, reason: 'connect ENOENT', since: 1, retryAt: null },
      connected(''),
    ] as EngineStatus[]) {
      const warning = limitsIgnoredWarning([engine({ ownedMode: ignored, connection })]);
      expect(warning?.why).toContain('cgroup v1, or cgroup v2 without delegation');
      expect(warning?.fix).toBe('The Engine page says which, and how to enable them.');
    }
  });
});
