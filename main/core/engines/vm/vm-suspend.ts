// Suspending a running VM to a file and resuming it, over QMP. Save: pause the guest, migrate its state into
// Berth's socket (compressed into state.bin.partial, synced), describe it in state.json, move it into place, quit
// QEMU. Resume: a QEMU started with the same arguments plus `-incoming defer -S` is fed the file and continued.
import { existsSync } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import type { QemuProcess } from './qemu-process';
import { qmpCommand } from './qmp-client';
import { savedStateText, type SavedStateMeta } from './saved-state';
import { receiveState, sendState } from './state-stream';
import type { VmLayout } from './vm-layout';

/** A 1–2 GiB guest saves in seconds here; a minute means something is stuck. */
const MIGRATION_DEADLINE_MS = 120_000;
const POLL_MS = 20;
/** QEMU caps migration at 32 MiB/s by default (meant for a live migration over a network): a paused guest has no reason to wait. */
const UNLIMITED_BANDWIDTH = 1024 ** 4;

/** The arguments a resuming QEMU gets on top of the machine's own: it listens for its state from the start. */
export function incomingArgs(layout: VmLayout): string[] {
  return ['-incoming', `unix:${layout.loadSocket}`, '-S'];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until<T>(what: string, qemu: QemuProcess, poll: () => Promise<T | null>, everyMs = POLL_MS): Promise<T> {
  const deadline = Date.now() + MIGRATION_DEADLINE_MS;
  for (;;) {
    if (!qemu.running)
      throw new Error(`QEMU exited before ${what}${qemu.errorOutput() ? `: ${qemu.errorOutput()}` : ''}`);
    const value = await poll();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${MIGRATION_DEADLINE_MS / 1000} s`);
    await sleep(everyMs);
  }
}

export interface SaveInputs {
  layout: VmLayout;
  qemu: QemuProcess;
  zstd: string;
  meta: Omit<SavedStateMeta, 'savedAt'>;
}

/**
 * Saves the running guest into layout.savedState and quits QEMU. On failure the guest is left paused and
 * running in QEMU (the caller continues it and shuts down the usual way) and no state file is left.
 */
export async function saveVm({ layout, qemu, zstd, meta }: SaveInputs): Promise<{ bytes: number }> {
  const partial = `${layout.savedState}.partial`;
  const qmp = (command: string, args?: Record<string, unknown>) => qmpCommand(layout.qmpSocket, command, 10_000, args);
  await qmp('stop');
  const receiving = await receiveState(zstd, layout.saveSocket, partial);
  try {
    await qmp('migrate-set-parameters', { 'max-bandwidth': UNLIMITED_BANDWIDTH });
    await qmp('migrate', { uri: `unix:${layout.saveSocket}` });
    await until('the state was saved', qemu, async () => {
      const info = (await qmp('query-migrate')) as { status?: string; 'error-desc'?: string };
      if (info.status === 'completed') return true;
      if (info.status === 'failed' || info.status === 'cancelled')
        throw new Error(`QEMU's migration ${info.status}${info['error-desc'] ? `: ${info['error-desc']}` : ''}`);
      return null;
    });
    await receiving.done;
  } catch (error) {
    await receiving.abort();
    await rm(partial, { force: true });
    throw error;
  }
  await rm(layout.saveSocket, { force: true });
  await writeFile(`${layout.savedStateMeta}.partial`, savedStateText({ ...meta, savedAt: Date.now() }), {
    mode: 0o600,
  });
  await rename(partial, layout.savedState);
  await rename(`${layout.savedStateMeta}.partial`, layout.savedStateMeta);
  // The state is safe on disk: QEMU may go. Its answer to quit can be the socket closing.
  await qmp('quit').catch(() => undefined);
  return { bytes: (await stat(layout.savedState)).size };
}

/** Feeds a QEMU started with incomingArgs the saved state and continues the guest; throws if it cannot. */
export async function loadVm(layout: VmLayout, qemu: QemuProcess, zstd: string): Promise<void> {
  const qmp = (command: string, args?: Record<string, unknown>) => qmpCommand(layout.qmpSocket, command, 10_000, args);
  // QEMU's socket appears a moment after it starts (a socket a previous QEMU left is removed before it starts).
  await until('QEMU listened for the state', qemu, async () => (existsSync(layout.loadSocket) ? true : null), 5);
  await sendState(zstd, layout.loadSocket, layout.savedState);
  await until('the state was loaded', qemu, async () => {
    const { status } = (await qmp('query-status')) as { status?: string };
    return status === 'inmigrate' ? null : status;
  });
  await qmp('cont');
  await rm(layout.loadSocket, { force: true });
}
