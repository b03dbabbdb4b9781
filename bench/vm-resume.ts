// `npm run bench:vm -- --resume-only`: the VM's warm start against a kernel-only boot of the same kernel in the
// same run. One cold boot with a busybox-free idle engine, then `runs` rounds of a stop that suspends (save
// seconds, state size) and a start that resumes (Start → engine answers, with the resume's phases: QEMU start
// to state loaded, to engine answering). No shared folders: virtiofs cannot be saved (stop-plan.ts).
// Last line: `resume_s=… kernel_s=… resume_ratio=… save_s=… state_mib=…`.
import { statSync } from 'node:fs';
import { VmProvider } from '../main/core/engines/vm/vm-provider';
import { newVmConfig } from '../main/core/engines/vm/vm-config';
import type { Logger } from '../main/core/logger';
import { fmt, markdownTable, median } from './table';
import { kernelOnlyBoot } from './vm-kernel-only';

export interface ResumeBenchInputs {
  env: NodeJS.ProcessEnv;
  log: Logger;
  kernel: string;
  initrd: string;
  accel: string;
  cpus: number;
  memoryMiB: number;
  runs: number;
}

interface Round {
  kernelS: number;
  saveS: number;
  stateMiB: number;
  /** From start() to the engine answering (the `ready` phase). */
  resumeS: number;
  /** From start() to QEMU's spawn: Berth's own work before it. */
  beforeQemuS: number;
  /** start() returned: the host socket, docker context and port forwards are in place too. */
  startS: number;
  phases: string;
}

/** Seconds from now until the provider's phases include `ready` (its state listeners hear of each phase). */
function readyAfter(vm: VmProvider): { startedAt: number; ready: Promise<number> } {
  const startedAt = performance.now();
  const ready = new Promise<number>((resolve) => {
    const stop = vm.onChange(() => {
      if (!vm.bootPhases().some((phase) => phase.phase === 'ready')) return;
      stop();
      resolve((performance.now() - startedAt) / 1000);
    });
  });
  return { startedAt, ready };
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

export async function resumeBench(inputs: ResumeBenchInputs): Promise<void> {
  const { env, log, kernel, initrd, accel, cpus, memoryMiB, runs } = inputs;
  const config = { ...newVmConfig({ name: 'bench', cpus, memoryMiB, diskGiB: 8 }), sharedFolders: [] };
  const vm = new VmProvider({ config, env, log });
  const rounds: Round[] = [];
  let coldS = Number.NaN;
  try {
    coldS = await timed(() => vm.start());
    for (let run = 0; run < runs; run += 1) {
      // The kernel-only boot runs while the VM is suspended, so the two never share the 2 cores.
      const saveS = await timed(() => vm.stop('benchmark'));
      if (!vm.logs().some((line) => line.startsWith('[vm] suspended in ')))
        throw new Error(`[bench] the VM did not suspend: ${vm.logs().slice(-10).join('\n')}`);
      const stateMiB = statSync(vm.layout.savedState).size / 1024 ** 2;
      const kernelS = await kernelOnlyBoot(kernel, initrd, accel, cpus, memoryMiB);
      const watch = readyAfter(vm);
      const startS = await timed(() => vm.start());
      const resumeS = await watch.ready;
      const phases = vm.bootPhases();
      const readyAtS = (phases.find((phase) => phase.phase === 'ready')?.atMs ?? Number.NaN) / 1000;
      if (!phases.some((phase) => phase.phase === 'resumed'))
        throw new Error(`[bench] the VM booted instead of resuming: ${vm.logs().slice(-10).join('\n')}`);
      rounds.push({
        kernelS,
        saveS,
        stateMiB,
        resumeS,
        beforeQemuS: resumeS - readyAtS,
        startS,
        phases: phases.map((phase) => `${phase.phase} ${phase.atMs / 1000}`).join(' · '),
      });
    }
  } finally {
    await vm.stop('benchmark done', 'power-off');
    await vm.dispose();
  }
  const kernelS = median(rounds.map((round) => round.kernelS));
  const resumeS = median(rounds.map((round) => round.resumeS));
  const saveS = median(rounds.map((round) => round.saveS));
  const stateMiB = median(rounds.map((round) => round.stateMiB));
  console.log(`\nVM warm start under ${accel}, ${cpus} CPUs, ${memoryMiB} MiB, idle engine, ${runs} rounds:\n`);
  console.log(
    markdownTable(
      [
        'round',
        'kernel-only boot (s)',
        'save (s)',
        'state (MiB)',
        'Start → engine answers (s)',
        'of which Berth before QEMU (s)',
        'resume phases (s since QEMU start)',
        'start() returned (s)',
      ],
      rounds.map((round, i) => [
        String(i + 1),
        round.kernelS.toFixed(2),
        round.saveS.toFixed(2),
        round.stateMiB.toFixed(0),
        round.resumeS.toFixed(2),
        round.beforeQemuS.toFixed(2),
        round.phases,
        round.startS.toFixed(2),
      ]),
    ),
  );
  console.log(`\ncold boot (Start → engine answers): ${fmt(coldS, 1)} s`);
  console.log(
    `resume_s=${resumeS.toFixed(2)} kernel_s=${kernelS.toFixed(2)} resume_ratio=${(resumeS / kernelS).toFixed(2)} save_s=${saveS.toFixed(2)} state_mib=${stateMiB.toFixed(0)} cold_s=${fmt(coldS, 1)}`,
  );
}
