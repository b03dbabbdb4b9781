// What the integration tests of Berth's own dockerd share: temp folders for everything it writes (data,
// a short runtime folder under /tmp, DOCKER_CONFIG, BERTH_CONFIG_DIR), and the checks that nothing of an
// engine is left on the host (processes, mounts, bridge), read from /proc and `ip` independently of the code.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineLayout, type EngineLayout } from '../../../../../main/core/engines/dockerd/engine-layout';
import { bridgeExists } from '../../../../harness/host-bridge';
import { mountsUnder, processIdsMentioning } from '../../../../harness/host-cleanup';
import { runCommand, SYSTEM_PATH } from '../../../../harness/run-command';

export interface OwnedEngineDirs {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  runtimeDir: string;
  dockerConfig: string;
  configDir: string;
  cleanup(): Promise<void>;
}

export async function ownedEngineDirs(label: string): Promise<OwnedEngineDirs> {
  const base = await mkdtemp(join(tmpdir(), `berth-${label}-`));
  // Short: the engine's sockets live here, and a unix socket path has at most 107 bytes.
  const runtimeDir = await mkdtemp('/tmp/brt-');
  const env: NodeJS.ProcessEnv = {
    PATH: SYSTEM_PATH,
    HOME: base,
    BERTH_DATA_DIR: join(base, 'data'),
    BERTH_RUNTIME_DIR: runtimeDir,
    DOCKER_CONFIG: join(base, 'docker'),
    BERTH_CONFIG_DIR: join(base, 'config'),
  };
  const cleanup = async (): Promise<void> => {
    for (const dir of [runtimeDir, base]) {
      const mounts = await mountsUnder(dir);
      // Deleting through a mount could reach host files: leave the folder and say why instead.
      if (mounts.length > 0) throw new Error(`[test] mounts left under ${dir}, not deleting it: ${mounts.join(', ')}`);
      await rm(dir, { recursive: true, force: true });
    }
  };
  return {
    env,
    dataDir: env.BERTH_DATA_DIR!,
    runtimeDir,
    dockerConfig: env.DOCKER_CONFIG!,
    configDir: env.BERTH_CONFIG_DIR!,
    cleanup,
  };
}

/** A name no other test run uses, so its containerd namespace and folders are this test's alone. */
export function uniqueEngineName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

export function layoutOf(name: string, env: NodeJS.ProcessEnv): EngineLayout {
  return engineLayout(name, env, false);
}

export interface Leftovers {
  processes: number[];
  mounts: string[];
  bridge: boolean;
  /** The engine's MASQUERADE rule in the nat table. */
  rule: boolean;
}

/** Processes mentioning the engine's folders or namespace (dockerd, containerd, shims), mounts, its bridge. */
export async function leftoversOf(layout: EngineLayout): Promise<Leftovers> {
  const processes = new Set<number>();
  for (const needle of [layout.runtimeDir, layout.engineDir, `-namespace ${layout.namespace} `]) {
    for (const pid of await processIdsMentioning(needle)) processes.add(pid);
  }
  processes.delete(process.pid);
  const mounts = [...(await mountsUnder(layout.runtimeDir)), ...(await mountsUnder(layout.engineDir))];
  const rules = await runCommand('iptables', ['-t', 'nat', '-S', 'POSTROUTING']);
  return {
    processes: [...processes],
    mounts,
    bridge: await bridgeExists(layout.bridgeName),
    rule: rules.includes(`! -o ${layout.bridgeName} `),
  };
}

export const nothingLeft: Leftovers = { processes: [], mounts: [], bridge: false, rule: false };
