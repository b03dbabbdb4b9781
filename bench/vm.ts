// `npm run bench:vm`: the VM engine's boot, from QEMU's start to the engine answering through the SSH tunnel
// (median of 3, with the guest's phases), next to a kernel-only boot of the same kernel in the same run, and
// the idle VM's CPU over 60 s. Needs the image (`npm run vm:image`) and root; everything under a temp folder.
// After the idle window, a shared folder (virtiofs, or virtio-9p with BERTH_VM_SHARES=9p) against the VM's data
// disk, in a container (vm-shares.ts).
// Last line: `ratio=<ready/kernel> ready_s=<x> kernel_s=<y> idle_cpu_pct=<z> share_read_ratio=<a> share_meta_ratio=<b>`
// (the ratios: time on the shared folder / time on the data disk).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findImageDir, kernelFileOf } from '../main/core/engines/vm/vm-artifacts';
import { VmProvider } from '../main/core/engines/vm/vm-provider';
import type { Logger } from '../main/core/logger';
import { markdownTable, median } from './table';
import { buildPoweroffInitrd, kernelOnlyBoot } from './vm-kernel-only';
import { measureShares, type ShareTimes } from './vm-shares';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
// The first seconds after ready are the engine finishing its start-up (about 8 % of a core for ~5 s under
// emulation); a VM is idle for most of its life, so the idle window starts after this settle time, said so.
const settleSeconds = Number(process.env.BENCH_SETTLE_SECONDS ?? 15);
const accel = process.env.BERTH_VM_ACCEL ?? 'tcg';
const cpus = 2;
const memoryMiB = 1024;
const log: Logger = {
  info: () => undefined,
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error),
};

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After the command: state is field 3 of stat, utime 14 and stime 15 (1-based), so 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function main(): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), 'bvb-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BERTH_DATA_DIR: join(base, 'data'),
    BERTH_RUNTIME_DIR: join(base, 'run'),
    DOCKER_CONFIG: join(base, 'docker'),
    BERTH_VM_ACCEL: accel,
  };
  try {
    const imageDir = await findImageDir(env);
    const kernel = join(imageDir, kernelFileOf(JSON.parse(readFileSync(join(imageDir, 'manifest.json'), 'utf8'))));
    const initrd = buildPoweroffInitrd(base);
    const boots: Array<{ readyS: number; phases: string }> = [];
    const kernelOnly: number[] = [];
    let idleCpuPct = Number.NaN;
    let shares: ShareTimes | null = null;
    let mechanism = '?';
    const sharedDir = join(base, 'shared');
    mkdirSync(sharedDir);
    for (let run = 0; run < runs; run += 1) {
      kernelOnly.push(await kernelOnlyBoot(kernel, initrd, accel, cpus, memoryMiB));
      const vm = new VmProvider({
        config: {
          id: 'vm-bench',
          name: 'bench',
          kind: 'vm',
          cpus,
          memoryMiB,
          diskGiB: 8,
          startWithBerth: false,
          idleStopMinutes: null,
          sharedFolders: [sharedDir],
        },
        env,
        log,
      });
      try {
        await vm.start();
        const phases = vm.bootPhases();
        const ready = phases.find((phase) => phase.phase === 'ready');
        if (!ready) throw new Error(`[bench] no ready phase: ${JSON.stringify(phases)}`);
        boots.push({
          readyS: ready.atMs / 1000,
          phases: phases.map((phase) => `${phase.phase} ${(phase.atMs / 1000).toFixed(1)}`).join(' · '),
        });
        if (run === runs - 1) {
          // The engine idles (no container), as a VM does most of its life.
          await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
          const pid = vm.qemuPid()!;
          const before = cpuSeconds(pid);
          await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
          idleCpuPct = ((cpuSeconds(pid) - before) / idleSeconds) * 100;
          shares = await measureShares(vm.createClient(), base, sharedDir);
          // virtiofs where its daemon runs, else virtio-9p (BERTH_VM_SHARES=9p forces it): the VM's log says which.
          const mounted = vm.logs().find((line) => line.includes('shared folders mounted over'));
          mechanism = /mounted over (virtiofs|virtio-9p)/.exec(mounted ?? '')?.[1] ?? '?';
        }
      } finally {
        await vm.stop('benchmark run done');
        await vm.dispose();
      }
    }
    const readyS = median(boots.map((boot) => boot.readyS));
    const kernelS = median(kernelOnly);
    console.log(
      `\nVM boot under ${accel}, ${cpus} CPUs, ${memoryMiB} MiB, ${runs} runs (same kernel, same machine, same run):\n`,
    );
    console.log(
      markdownTable(
        ['run', 'QEMU start → engine ready (s)', 'phases (s since QEMU start)', 'kernel-only boot (s)'],
        boots.map((boot, i) => [String(i + 1), boot.readyS.toFixed(1), boot.phases, kernelOnly[i]!.toFixed(1)]),
      ),
    );
    console.log(
      `\nidle VM (engine up, no containers) over ${idleSeconds} s, from ${settleSeconds} s after ready: ${idleCpuPct.toFixed(2)} % of one host core`,
    );
    const s = shares as ShareTimes | null;
    if (!s) throw new Error('[bench] the shared folder was not measured');
    console.log(`\nshared folder (${mechanism}) against the VM's data disk, in one container (s):\n`);
    console.log(
      markdownTable(
        ['work', 'shared folder', 'data disk', 'shared / disk'],
        [
          [
            `read a ${256} MiB file`,
            s.readShareS.toFixed(2),
            s.readDiskS.toFixed(2),
            (s.readShareS / s.readDiskS).toFixed(2),
          ],
          [
            'create + stat + delete 5,000 files',
            s.metaShareS.toFixed(2),
            s.metaDiskS.toFixed(2),
            (s.metaShareS / s.metaDiskS).toFixed(2),
          ],
        ],
      ),
    );
    console.log(
      `ratio=${(readyS / kernelS).toFixed(2)} ready_s=${readyS.toFixed(1)} kernel_s=${kernelS.toFixed(1)} idle_cpu_pct=${idleCpuPct.toFixed(2)} share_read_ratio=${(s.readShareS / s.readDiskS).toFixed(2)} share_meta_ratio=${(s.metaShareS / s.metaDiskS).toFixed(2)}`,
    );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
