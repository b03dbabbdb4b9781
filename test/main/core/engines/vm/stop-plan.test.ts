// Suspend or shut down: the setting, the shares' mechanism and the running containers' bind mounts decide.
import { describe, expect, it } from 'vitest';
import { stopPlan } from '../../../../../main/core/engines/vm/stop-plan';

const base = { suspendOnStop: true, shares: ['/home/me'], mechanism: '9p' as const, containers: [] };

describe('stopPlan', () => {
  it('shuts down without a note when the setting is off', () => {
    expect(stopPlan({ ...base, suspendOnStop: false })).toEqual({ suspend: false, why: null });
  });

  it('suspends a VM without shares, or with 9p shares no running container binds', () => {
    expect(stopPlan({ ...base, shares: [], mechanism: 'virtiofs' })).toEqual({ suspend: true });
    const containers = [{ name: 'web', binds: ['/var/lib/data', '/home/meta/x'] }];
    expect(stopPlan({ ...base, containers })).toEqual({ suspend: true });
  });

  it('shuts down a VM whose shares use virtiofs, saying why', () => {
    const plan = stopPlan({ ...base, mechanism: 'virtiofs' });
    expect(plan).toMatchObject({ suspend: false, why: expect.stringContaining('virtiofs') });
  });

  it('shuts down when a running container binds a shared folder or a path inside it, naming the container', () => {
    for (const bind of ['/home/me', '/home/me/src']) {
      const plan = stopPlan({
        ...base,
        containers: [
          { name: 'ok', binds: [] },
          { name: 'dev', binds: [bind] },
        ],
      });
      expect(plan).toEqual({
        suspend: false,
        why: `container dev binds ${bind} from a shared folder, which must be unmounted to save the VM`,
      });
    }
  });
});
