// What Berth tells the user Podman cannot change live, by Podman version and container state, and how that
// joins the engine-wide reasons; Docker's capabilities stay as they were.
import { describe, expect, it } from 'vitest';
import { liveCapabilities, toEngineLimitsFacts } from '../../../../main/core/limits/limits-capabilities';
import {
  podmanCapabilities,
  podmanResourceFields,
  podmanUpdateSupport,
} from '../../../../main/core/limits/podman-limits';

const info = { NCPU: 2, MemTotal: 8 * 1024 ** 3, SwapLimit: true, CgroupVersion: '1' };
const fields = (fixed: Array<{ field: string }>) => fixed.map((entry) => entry.field).sort();

describe('podmanUpdateSupport', () => {
  it('knows 4.3 (measured), refuses before it, and takes later versions as they answer', () => {
    expect(podmanUpdateSupport('4.3.1')).toBe('running-only');
    expect(podmanUpdateSupport('v4.3.0')).toBe('running-only');
    expect(podmanUpdateSupport('')).toBe('running-only');
    expect(podmanUpdateSupport('4.2.1')).toBe('none');
    expect(podmanUpdateSupport('3.4.4')).toBe('none');
    expect(podmanUpdateSupport('4.9.3')).toBe('unknown');
    expect(podmanUpdateSupport('5.2.0')).toBe('unknown');
  });
});

describe('podmanCapabilities', () => {
  it('a running container on 4.3: only the restart policy is fixed, and the notice says changes last until a restart', () => {
    const caps = podmanCapabilities('4.3.1', true);
    expect(caps.fixed).toEqual([
      { field: 'restartPolicy', reason: expect.stringMatching(/recreate the container with the new policy/) },
    ]);
    expect(caps.notice).toMatch(/until the container restarts/);
  });

  it('a stopped container on 4.3: every limit fixed, saying to start it first', () => {
    const caps = podmanCapabilities('4.3.1', false);
    expect(fields(caps.fixed)).toEqual([...podmanResourceFields, 'restartPolicy'].sort());
    expect(caps.fixed.find((entry) => entry.field === 'memoryBytes')?.reason).toMatch(/start the container first/);
  });

  it('Podman before 4.3: every limit fixed, naming the version', () => {
    const caps = podmanCapabilities('4.2.0', true);
    expect(fields(caps.fixed)).toEqual([...podmanResourceFields, 'restartPolicy'].sort());
    expect(caps.fixed.find((entry) => entry.field === 'cpus')?.reason).toMatch(
      /Podman 4\.2\.0 cannot change.*Podman 4\.3 added that/,
    );
  });
});

describe('liveCapabilities', () => {
  it('leaves Docker as it was', () => {
    const caps = liveCapabilities(toEngineLimitsFacts(info, 'docker', '20.10.24'), {
      autoRemove: false,
      running: false,
    });
    expect(caps.fixed).toEqual([]);
    expect(caps.notice).toBeUndefined();
  });

  it("adds Podman's fixed fields after the engine-wide ones, without listing a field twice", () => {
    const engine = toEngineLimitsFacts({ ...info, SwapLimit: false }, 'podman', '4.3.1');
    const caps = liveCapabilities(engine, { autoRemove: true, running: false });
    expect(caps.fixed.slice(0, 2).map((entry) => entry.reason)).toEqual([
      expect.stringMatching(/does not account swap/),
      expect.stringMatching(/--rm/),
    ]);
    expect(fields(caps.fixed)).toEqual([...podmanResourceFields, 'restartPolicy'].sort());
    expect(caps.notice).toMatch(/only while the container runs/);
  });
});
