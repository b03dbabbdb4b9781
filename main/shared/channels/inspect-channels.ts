// Read-only looks inside one container: the engine's inspect with readable sections, its processes with host
// and container PIDs, and its filesystem changes against its image.
import { z } from 'zod';
import type { ContainerChangesView, ContainerInspectView, ContainerTopView } from '../inspect-types';
import { channel, containerRef } from './channel-kit';

const containerIdRequest = z.object({ id: containerRef }).strict();

export const inspectChannels = {
  'containers:inspect': channel<typeof containerIdRequest, ContainerInspectView>(containerIdRequest),
  /** A running container's processes; a stopped one is refused (CONFLICT) saying so. */
  'containers:top': channel<typeof containerIdRequest, ContainerTopView>(containerIdRequest),
  /** Files added, changed and deleted in the container's writable layer, sorted by path. */
  'containers:changes': channel<typeof containerIdRequest, ContainerChangesView>(containerIdRequest),
} as const;
