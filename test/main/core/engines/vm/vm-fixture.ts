// What the VM integration test needs around it: the guest image (built by the image recipe's script, which reuses
// a cached image of the same inputs and prints the folder), short temp folders, and the QEMU processes of a
// VM (found by its folder in their command line) so the test can prove none is left and kill any that is.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findImageDir } from '../../../../../main/core/engines/vm/vm-artifacts';

export const IMAGE_BUILD_TIMEOUT_MS = 40 * 60_000;

/** The image of the current recipe: cached, or built now (`bash scripts/vm/build-image.sh`: root, Linux, minutes). */
export async function ensureVmImage(): Promise<string> {
  // Always through the recipe, which answers at once when an image of the current inputs is cached: taking any
  // cached image would test a guest built from an older recipe (init script, modules, kernel checks).
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', ['scripts/vm/build-image.sh'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`build-image.sh failed (exit ${code}):\n${text.slice(-3000)}`)),
    );
  });
  const printed = output.match(/(?:done in \d+ s|cached): (\S+)/);
  return printed ? printed[1] : findImageDir(process.env);
}

export interface VmTestDirs {
  base: string;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

/** Everything under one short temp folder, so socket paths stay far below the 107-byte limit. */
export async function vmTestDirs(imageDir: string): Promise<VmTestDirs> {
  const base = await mkdtemp(join(tmpdir(), 'bvm-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BERTH_DATA_DIR: join(base, 'data'),
    BERTH_RUNTIME_DIR: join(base, 'run'),
    BERTH_CONFIG_DIR: join(base, 'config'),
    DOCKER_CONFIG: join(base, 'docker'),
    BERTH_VM_ACCEL: 'tcg',
    BERTH_EMBEDDED_ENGINE: '0',
    BERTH_VM_IMAGE_DIR: imageDir,
  };
  return { base, env, cleanup: () => rm(base, { recursive: true, force: true }) };
}

/** Pids of processes whose command line mentions `marker` (the VM's folder). */
export async function processesMentioning(marker: string): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(marker) && cmdline.includes('qemu-system')) pids.push(Number(name));
  }
  return pids;
}

export async function killProcessesMentioning(marker: string): Promise<void> {
  for (const pid of await processesMentioning(marker)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (error) {
      // Gone between the listing and the kill: nothing to clean up.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

/** A VM test's afterAll: closes its core (which stops its VMs), then kills whatever QEMU of `vmDir` is left. */
export async function tearDownVmTest(
  core: { close(): Promise<void> } | null,
  vmDir: string,
  dirs: VmTestDirs | null,
): Promise<void> {
  try {
    await core?.close();
  } finally {
    if (vmDir) await killProcessesMentioning(vmDir);
    await dirs?.cleanup();
  }
}
