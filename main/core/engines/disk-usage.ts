// `docker system df` from the engine's `/system/df`, summed per kind with what could be reclaimed, the way
// the CLI computes it (images: not used by any container; containers: not running; volumes: not mounted;
// build cache: not in use).
import type { DiskUsageRow, EngineDiskUsage } from '../../shared/engine-manager-types';

interface DfImage {
  Size?: number;
  SharedSize?: number;
  Containers?: number;
}
interface DfContainer {
  SizeRw?: number;
  State?: string;
}
interface DfVolume {
  UsageData?: { Size?: number; RefCount?: number } | null;
}
interface DfCache {
  Size?: number;
  InUse?: boolean;
  Shared?: boolean;
}
export interface SystemDf {
  LayersSize?: number;
  Images?: DfImage[] | null;
  Containers?: DfContainer[] | null;
  Volumes?: DfVolume[] | null;
  BuildCache?: DfCache[] | null;
}

const positive = (value: number | undefined) => (typeof value === 'number' && value > 0 ? value : 0);

function row(count: number, active: number, sizeBytes: number, reclaimableBytes: number): DiskUsageRow {
  return { count, active, sizeBytes, reclaimableBytes: Math.min(sizeBytes, reclaimableBytes) };
}

export function toDiskUsage(df: SystemDf): EngineDiskUsage {
  const images = df.Images ?? [];
  const usedImages = images.filter((image) => positive(image.Containers) > 0);
  // Layers shared between images count once: the engine reports their total as LayersSize.
  const imagesSize = positive(df.LayersSize) || images.reduce((sum, image) => sum + positive(image.Size), 0);
  const usedSize = usedImages.reduce((sum, image) => sum + positive(image.Size) - positive(image.SharedSize), 0);
  const containers = df.Containers ?? [];
  const running = containers.filter((container) => container.State === 'running');
  const volumes = df.Volumes ?? [];
  const mounted = volumes.filter((volume) => positive(volume.UsageData?.RefCount) > 0);
  const cache = df.BuildCache ?? [];
  const inUse = cache.filter((entry) => entry.InUse);
  const sum = <T>(items: T[], size: (item: T) => number | undefined) =>
    items.reduce((total, item) => total + positive(size(item)), 0);
  return {
    images: row(images.length, usedImages.length, imagesSize, imagesSize - usedSize),
    containers: row(
      containers.length,
      running.length,
      sum(containers, (c) => c.SizeRw),
      sum(
        containers.filter((c) => c.State !== 'running'),
        (c) => c.SizeRw,
      ),
    ),
    volumes: row(
      volumes.length,
      mounted.length,
      sum(volumes, (v) => v.UsageData?.Size),
      sum(
        volumes.filter((v) => positive(v.UsageData?.RefCount) === 0),
        (v) => v.UsageData?.Size,
      ),
    ),
    buildCache: row(
      cache.length,
      inUse.length,
      sum(
        cache.filter((c) => !c.Shared),
        (c) => c.Size,
      ),
      sum(
        cache.filter((c) => !c.InUse && !c.Shared),
        (c) => c.Size,
      ),
    ),
  };
}
