// Whether a bench can run on this machine, checked before it runs: the first of its needs (all-benches.ts) that
// is not met, as a sentence saying what is missing and how to get it. The checks go through a probe, so the
// decision is a pure function the unit tests drive; `machineProbe` is the real one.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findImageDir } from '../main/core/engines/vm/vm-artifacts';
import { CHROMIUM_PATH } from '../test/harness/browser';
import type { Need } from './all-benches';

export interface Probe {
  isRoot(): boolean;
  /** Whether an executable of this name is on PATH. */
  hasCommand(name: string): boolean;
  hasFile(path: string): boolean;
  /** Undefined when a VM image is found; else why not. */
  vmImageProblem(): Promise<string | undefined>;
}

const setup = 'run `npm run setup:test` (as root), which installs the Debian packages the tests and benches use';

/** Commands each need runs, and the Debian package that has them, for the message. */
const commands: Partial<Record<Need, Array<[command: string, from: string]>>> = {
  engine: [
    ['dockerd', 'docker.io'],
    ['containerd', 'containerd'],
    ['docker', 'docker.io'],
  ],
  registry: [['docker-registry', 'docker-registry']],
  python3: [['python3', 'python3']],
  qemu: [
    ['qemu-system-x86_64', 'qemu-system-x86'],
    ['zstd', 'zstd'],
    ['cpio', 'cpio'],
    ['ssh', 'openssh-client'],
  ],
};

/** Why the bench cannot run here (the first need not met), or undefined when it can. */
export async function unmetNeed(needs: Need[], probe: Probe, distDir: string): Promise<string | undefined> {
  for (const need of needs) {
    if (need === 'root' && !probe.isRoot())
      return 'needs root: it starts its own private engine (or VM) under a temp folder; run `sudo npm run bench`';
    for (const [command, from] of commands[need] ?? [])
      if (!probe.hasCommand(command)) return `\`${command}\` is not on PATH (Debian package ${from}): ${setup}`;
    if (need === 'engine' && !probe.hasFile('/bin/busybox'))
      return `/bin/busybox is missing (the benches' test image is made from it; Debian package busybox-static): ${setup}`;
    if (need === 'chromium' && !probe.hasFile(CHROMIUM_PATH))
      return `${CHROMIUM_PATH} is missing (Debian package chromium): ${setup}`;
    if (need === 'build' && !probe.hasFile(join(distDir, 'main', 'cli.js')))
      return 'Berth is not built (no dist/main/cli.js): run `npm run build` (`npm run bench` builds first)';
    if (need === 'vm-image') {
      const problem = await probe.vmImageProblem();
      if (problem) return problem;
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    // Not there or not executable: either way, not this one.
    return false;
  }
}

export const machineProbe: Probe = {
  isRoot: () => process.getuid?.() === 0,
  hasCommand: (name) =>
    (process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .some((dir) => isExecutable(join(dir, name))),
  hasFile: (path) => existsSync(path),
  vmImageProblem: () =>
    findImageDir(process.env).then(
      () => undefined,
      (error: unknown) => (error as Error).message,
    ),
};
