import { describe, expect, it } from 'vitest';
import { toDiskUsage } from '../../../../main/core/engines/disk-usage';

describe('toDiskUsage', () => {
  it('sums each kind with what can be reclaimed, as docker system df does', () => {
    const usage = toDiskUsage({
      LayersSize: 300,
      Images: [
        { Size: 200, SharedSize: 50, Containers: 1 },
        { Size: 150, SharedSize: 50, Containers: 0 },
      ],
      Containers: [
        { SizeRw: 10, State: 'running' },
        { SizeRw: 5, State: 'exited' },
      ],
      Volumes: [
        { UsageData: { Size: 40, RefCount: 1 } },
        { UsageData: { Size: 60, RefCount: 0 } },
        { UsageData: null },
      ],
      BuildCache: [
        { Size: 7, InUse: false, Shared: false },
        { Size: 3, InUse: true, Shared: false },
      ],
    });
    expect(usage).toEqual({
      images: { count: 2, active: 1, sizeBytes: 300, reclaimableBytes: 150 },
      containers: { count: 2, active: 1, sizeBytes: 15, reclaimableBytes: 5 },
      volumes: { count: 3, active: 1, sizeBytes: 100, reclaimableBytes: 60 },
      buildCache: { count: 2, active: 1, sizeBytes: 10, reclaimableBytes: 7 },
    });
  });

  it('reads an engine that reports nothing as zeros', () => {
    const zero = { count: 0, active: 0, sizeBytes: 0, reclaimableBytes: 0 };
    expect(toDiskUsage({ Images: null, Containers: null, Volumes: null, BuildCache: null })).toEqual({
      images: zero,
      containers: zero,
      volumes: zero,
      buildCache: zero,
    });
  });
});
