// Volume channels beyond the list: create, inspect, remove, prune, and the sizes the engine measures.
import { z } from 'zod';
import type { VolumeDetail, VolumeItem, VolumePruneResult, VolumeSizes } from '../volume-types';
import { channel, none } from './channel-kit';

/** A volume name as the engine accepts it (it goes into engine API paths). */
export const volumeName = z
  .string()
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/,
    'must be a volume name (letters, digits, _ . -, starting with a letter or digit)',
  );

const volumeCreateRequest = z
  .object({
    /** Absent: the engine names it (an anonymous volume). */
    name: volumeName.optional(),
    /** A volume driver the engine has (`local`, or a plugin such as `vieux/sshfs:latest`). */
    driver: z
      .string()
      .max(255)
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, 'must be a volume driver name like local')
      .optional(),
    labels: z
      .array(z.object({ key: z.string().min(1).max(255), value: z.string().max(4096) }).strict())
      .max(100)
      .optional(),
  })
  .strict();
const volumeNameRequest = z.object({ name: volumeName }).strict();
const volumeRemoveRequest = z.object({ name: volumeName, force: z.boolean().optional() }).strict();

export const volumeChannels = {
  'volumes:create': channel<typeof volumeCreateRequest, VolumeItem>(volumeCreateRequest),
  'volumes:inspect': channel<typeof volumeNameRequest, VolumeDetail>(volumeNameRequest),
  /** Refused (CONFLICT, with the containers named) while a container uses it, even with force. */
  'volumes:remove': channel<typeof volumeRemoveRequest, { name: string }>(volumeRemoveRequest),
  /** Removes the volumes no container uses (on Docker 23+ only anonymous ones, as `docker volume prune`). */
  'volumes:prune': channel<typeof none, VolumePruneResult>(none),
  /** Sizes from the engine's disk usage report: slower than the list, so asked for apart. */
  'volumes:sizes': channel<typeof none, VolumeSizes>(none),
} as const;
