// What a suspended VM leaves on disk besides its compressed memory (state.bin): state.json, the fingerprint of
// everything the saved machine depends on (its image, QEMU's version, its size and devices, the accelerator, its
// shared folders) and the guest's SSH host key, which a resumed guest does not print again. A state is resumed
// only when the fingerprint of the VM about to start equals the saved one; the first difference is named in the
// log when it is discarded.
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { VmLayout } from './vm-layout';

const fingerprintSchema = z
  .object({
    image: z.string(),
    qemuVersion: z.string(),
    accel: z.string(),
    cpus: z.number(),
    memoryMiB: z.number(),
    diskGiB: z.number(),
    shares: z.array(z.string()),
    shareMechanism: z.string(),
    args: z.array(z.string()),
  })
  .strict();

const savedStateSchema = z
  .object({
    version: z.literal(1),
    fingerprint: fingerprintSchema,
    hostKey: z.object({ keyType: z.string().min(1).max(100), key: z.string().min(1).max(4096) }).strict(),
    savedAt: z.number(),
  })
  .strict();

export type VmFingerprint = z.infer<typeof fingerprintSchema>;
export type SavedStateMeta = z.infer<typeof savedStateSchema>;

/** The first field in which two fingerprints differ, in words for the log; null when they are the same. */
export function fingerprintDifference(saved: VmFingerprint, current: VmFingerprint): string | null {
  for (const key of Object.keys(current) as Array<keyof VmFingerprint>) {
    if (JSON.stringify(saved[key]) !== JSON.stringify(current[key])) {
      const what: Record<keyof VmFingerprint, string> = {
        image: 'the VM image changed',
        qemuVersion: 'the QEMU version changed',
        accel: 'the accelerator changed',
        cpus: 'the CPU count changed',
        memoryMiB: 'the memory size changed',
        diskGiB: 'the disk size changed',
        shares: 'the shared folders changed',
        shareMechanism: 'the shared folders mechanism changed',
        args: "QEMU's devices changed",
      };
      return what[key];
    }
  }
  return null;
}

/**
 * QEMU's command line without what may differ between two starts of the same machine: the SSH port forwarded
 * (picked free at each start) and file paths (sockets under a runtime folder that a reboot may move).
 */
export function comparableArgs(args: string[], sshPort: number): string[] {
  return args.map((arg) =>
    arg.replaceAll(`:${sshPort}-`, ':<port>-').replace(/(^|[=:,])\/[^,]*/g, (_, before: string) => `${before}<path>`),
  );
}

/** `qemu-system-… --version`'s first line (the build matters: a device's saved layout changes between versions). */
export function qemuVersionOf(binary: string): Promise<string> {
  // Asked once per binary and run of Berth: the answer is on every boot's path.
  let answer = versions.get(binary);
  if (!answer) {
    answer = promisify(execFile)(binary, ['--version'], { timeout: 10_000 }).then(({ stdout }) =>
      stdout.split('\n')[0].trim(),
    );
    answer.catch(() => versions.delete(binary));
    versions.set(binary, answer);
  }
  return answer;
}

const versions = new Map<string, Promise<string>>();

/** The saved state's description, or why it cannot be used ("missing", not JSON, not of this shape). */
export async function readSavedState(layout: VmLayout): Promise<SavedStateMeta | { problem: string }> {
  let text: string;
  try {
    text = await readFile(layout.savedStateMeta, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { problem: 'its description (state.json) is missing' };
    return { problem: `its description could not be read: ${(error as Error).message}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `its description (state.json) is not JSON: ${(error as Error).message}` };
  }
  const checked = savedStateSchema.safeParse(parsed);
  return checked.success ? checked.data : { problem: 'its description (state.json) is not of the expected shape' };
}

export function savedStateText(meta: SavedStateMeta): string {
  return `${JSON.stringify(savedStateSchema.parse(meta), null, 2)}\n`;
}

/** Removes the saved state (both files, and a half-written one). */
export async function discardSavedState(layout: VmLayout): Promise<void> {
  for (const file of [layout.savedState, `${layout.savedState}.partial`, layout.savedStateMeta])
    await rm(file, { force: true });
}
