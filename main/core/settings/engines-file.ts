// The engines part of settings.json, checked like the rest when the file is read: a hand-edited entry that
// does not fit makes the whole file unusable (kept aside and reported) rather than half-loaded.
import { z } from 'zod';

const engineId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const engineName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/);

const engineConfig = z.discriminatedUnion('kind', [
  z.object({ id: engineId, name: engineName, kind: z.literal('berth-dockerd') }).strict(),
  z
    .object({
      id: engineId,
      name: engineName,
      kind: z.literal('ssh'),
      host: z.string().startsWith('ssh://').max(300),
      identityFile: z.string().min(1).max(4096).nullable(),
      socketPath: z.string().startsWith('/').max(4096),
    })
    .strict(),
]);

export const enginesFileSchema = z.object({
  engines: z.array(engineConfig).max(100).optional(),
  activeEngineId: engineId.nullable().optional(),
});
