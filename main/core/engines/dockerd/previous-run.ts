// Clears what a previous run of the same engine left when Berth crashed or was killed: daemons still serving
// the engine's socket (stopped cleanly, so their containers stop as on a normal shutdown), orphan shims,
// mounts, the bridge with its MASQUERADE rule, stale sockets and pidfiles. Also the last step of every stop.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { CONTAINER_SHUTDOWN_S } from './daemon-args';
import type { EngineLayout } from './engine-layout';
import type { HostNetwork } from './host-network';
import { isAlive, killShims, listProcesses, mountsUnder, stopFromPidfile, unmountAllUnder } from './leftovers';

/** dockerd stops every container (each up to --shutdown-timeout), then itself. */
export const DOCKERD_STOP_MS = (CONTAINER_SHUTDOWN_S + 20) * 1000;
export const CONTAINERD_STOP_MS = 15_000;

/** The bridge subnet the engine used last, remembered so a restart can keep it and a crash can be cleaned up. */
export async function readSavedSubnet(layout: EngineLayout): Promise<string | null> {
  try {
    const saved = JSON.parse(await readFile(layout.networkFile, 'utf8')) as { subnet?: unknown };
    return typeof saved.subnet === 'string' ? saved.subnet : null;
  } catch (error) {
    // No file yet (first start), or a corrupt one: either way a fresh subnet is chosen.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
    return null;
  }
}

export async function saveSubnet(layout: EngineLayout, subnet: string): Promise<void> {
  await writeFile(layout.networkFile, `${JSON.stringify({ subnet })}\n`);
}

/** Stops a previous run's daemons found through their pidfiles; `note` gets a line for each thing done. */
export async function stopPreviousDaemons(layout: EngineLayout, note: (line: string) => void): Promise<void> {
  // The markers make sure a pid reused by another program is never signalled.
  const dockerd = await stopFromPidfile(layout.dockerdPidfile, layout.host, DOCKERD_STOP_MS);
  if (dockerd === 'stale') note(`removed a stale dockerd pidfile of a previous run (${layout.dockerdPidfile})`);
  if (dockerd === 'stopped' || dockerd === 'killed')
    note(
      `a dockerd of a previous Berth run was still serving ${layout.host}: ${dockerd === 'stopped' ? 'stopped it cleanly' : 'it did not stop in time and was killed'}`,
    );
  if (layout.rootless) return;
  const containerd = await stopFromPidfile(layout.containerdPidfile, layout.containerdConfig, CONTAINERD_STOP_MS);
  if (containerd === 'stopped' || containerd === 'killed')
    note(`stopped the containerd of a previous Berth run (${containerd})`);
}

/**
 * Whether this engine's daemons run without the Berth that started them (it was killed): its dockerd is alive
 * (pidfile and command line) while the pid in berth.pid is gone or no longer dockerd's parent. A daemon that a
 * live Berth runs (a `berth serve` beside the app) is not a leftover.
 */
export async function orphanedDaemons(layout: EngineLayout): Promise<boolean> {
  if (layout.rootless) return false;
  const read = async (file: string): Promise<number | null> => {
    try {
      const pid = Number((await readFile(file, 'utf8')).trim());
      return Number.isInteger(pid) && pid > 1 ? pid : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  const dockerd = await read(layout.dockerdPidfile);
  if (dockerd === null) return false;
  const entry = (await listProcesses()).find((process) => process.pid === dockerd);
  if (!entry?.cmdline.includes(layout.host)) return false;
  const berth = await read(layout.berthPidfile);
  return berth === null || entry.ppid !== berth || !isAlive(berth);
}

/** Removes everything a stopped engine may still hold on the host; safe to run when nothing is left. */
export async function clearHostLeftovers(
  layout: EngineLayout,
  network: HostNetwork | null,
  env: NodeJS.ProcessEnv,
  note: (line: string) => void,
): Promise<void> {
  const shimSocket = layout.rootless ? `${layout.execRoot}/containerd/containerd.sock` : layout.containerdSocket;
  const shims = await killShims(shimSocket);
  if (shims > 0) note(`killed ${shims} containerd shim(s) left without their engine, with their containers`);
  for (const dir of [layout.runtimeDir, layout.engineDir]) {
    const unmounted = await unmountAllUnder(dir, env);
    if (unmounted.length > 0) note(`unmounted ${unmounted.length} mount(s) left under ${dir}`);
  }
  if (network && !layout.rootless) {
    // The rule may outlive its bridge (a crash between the two), so both are checked every time.
    const hadBridge = await network.bridgeExists(layout.bridgeName);
    await network.remove(layout.bridgeName, await readSavedSubnet(layout));
    if (hadBridge) note(`removed the bridge ${layout.bridgeName} and its MASQUERADE rule`);
  }
  // A rootless engine's exec-root holds its own containerd's state and sockets; its mounts lived in rootlesskit's
  // mount namespace and ended with it, so the folder goes (never through a mount that is still there).
  if (layout.rootless && (await mountsUnder(layout.execRoot)).length === 0)
    await rm(layout.execRoot, { recursive: true, force: true });
  for (const file of [
    layout.socketPath,
    layout.containerdSocket,
    `${layout.containerdSocket}.ttrpc`,
    layout.dockerdPidfile,
    layout.containerdPidfile,
    layout.berthPidfile,
  ]) {
    await rm(file, { force: true });
  }
}
