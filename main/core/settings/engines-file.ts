// The engines part of settings.json, checked like the rest when the file is read: a hand-edited entry that
// does not fit makes the whole file unusable (kept aside and reported) rather than half-loaded.
import { z } from 'zod';

/** The size a VM engine may have (engines/vm/vm-config.ts gives a new one its defaults within them). */
export const VM_BOUNDS = { cpus: [1, 64], memoryMiB: [512, 262_144], diskGiB: [4, 4096] } as const;

const engineId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const engineName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/);

const engineConfig = z.discriminatedUnion('kind', [
  z
    .object({
      id: engineId,
      name: engineName,
      kind: z.literal('berth-dockerd'),
      runAs: z.enum(['auto', 'rootless', 'helper']).optional(),
    })
    .strict(),
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
  z
    .object({
      id: engineId,
      name: engineName,
      kind: z.literal('vm'),
      cpus: z.number().int().min(VM_BOUNDS.cpus[0]).max(VM_BOUNDS.cpus[1]),
      memoryMiB: z.number().int().min(VM_BOUNDS.memoryMiB[0]).max(VM_BOUNDS.memoryMiB[1]),
      diskGiB: z.number().int().min(VM_BOUNDS.diskGiB[0]).max(VM_BOUNDS.diskGiB[1]),
      startWithBerth: z.boolean(),
      idleStopMinutes: z.number().int().min(1).max(10_080).nullable(),
      // Absolute host paths (POSIX, or a Windows drive path); absent means the user's home.
      sharedFolders: z
        .array(
          z
            .string()
            .regex(/^(\/|[A-Za-z]:[\\/])/, 'must be an absolute path')
            .max(4096),
        )
        .max(32)
        .optional(),
      suspendOnStop: z.boolean().optional(),
    })
    .strict(),
]);

export const enginesFileSchema = z.object({
  engines: z.array(engineConfig).max(100).optional(),
  activeEngineId: engineId.nullable().optional(),
});

/**
 * A hand-edited file can list one id (or one name, which names the engine's folders and docker context)
 * twice; each would get a connection that nothing later closes. The first entry wins; `dropped` says which
 * entries were ignored, for the settings' file problem.
 */
export function dropDuplicateEngines<T extends { id: string; name: string }>(
  engines: T[],
): { engines: T[]; dropped: string[] } {
  const ids = new Set<string>();
  const names = new Set<string>();
  const kept: T[] = [];
  const dropped: string[] = [];
  for (const [index, engine] of engines.entries()) {
    const clash = ids.has(engine.id) ? `id "${engine.id}"` : names.has(engine.name) ? `name "${engine.name}"` : null;
    if (clash) {
      dropped.push(`engines[${index}] repeats the ${clash} of an earlier engine`);
      continue;
    }
    ids.add(engine.id);
    names.add(engine.name);
    kept.push(engine);
  }
  return { engines: kept, dropped };
}
