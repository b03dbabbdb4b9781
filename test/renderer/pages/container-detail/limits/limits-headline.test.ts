import { describe, expect, it } from 'vitest';
import type { LimitsCapabilities } from '../../../../../main/shared/limits-types';
import { limitsHeadline } from '../../../../../renderer/src/pages/container-detail/limits/limits-headline';

const caps: LimitsCapabilities = {
  engineCpus: 2,
  cores: [0, 1],
  engineMemoryBytes: 1024,
  swapLimitSupported: true,
  fixed: [],
};

describe('limitsHeadline', () => {
  it("says Docker's behaviour by default, and the engine's notice where it has one (Podman)", () => {
    expect(limitsHeadline(undefined)).toBe('Changes apply live');
    expect(limitsHeadline({ running: true, capabilities: caps })).toBe('Changes apply live');
    expect(limitsHeadline({ running: false, capabilities: caps })).toBe('Stopped: applied when it starts');
    const notice = 'Stopped: Podman changes limits only while the container runs.';
    expect(limitsHeadline({ running: false, capabilities: { ...caps, notice } })).toBe(notice);
  });
});
