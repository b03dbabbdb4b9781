// `npm run bench:vm`: the VM engine's boot, from QEMU's start to the engine answering through the SSH tunnel
// (median of 3, with the guest's phases), next to a kernel-only boot of the same kernel in the same run, and
// the idle VM's CPU over 60 s, a container's published port reached through Berth's forward against a plain
// OpenSSH `ssh -L` tunnel (vm-ports.ts), what the VM gives back to the host (vm-give-back.ts: memory a container
// frees, disk a removed container used), and a shared folder (virtiofs, or virtio-9p with BERTH_VM_SHARES=9p)
// against the VM's data disk in a container (vm-shares.ts), and how soon a published port answers here after
// `docker start` against the same server inside the VM (vm-port-ready.ts). Needs the image (`npm run vm:image`)
// and root; everything under a temp folder. `-- --ports-only` boots once and measures only the ports;
// `-- --resume-only` measures only the warm start (vm-resume.ts: suspend and resume against a kernel-only boot);
// `-- --quick` boots once (one resume round) with fewer port rounds and a 30 s idle window.
// Last line: `ratio=<ready/kernel> ready_s=<x> kernel_s=<y> idle_cpu_pct=<z> port_rtt_ratio=<berth/ssh -L> …
// port_ready_s=<s> guest_ready_s=<s> port_ready_ratio=<port/guest> …
// mem_returned_pct=<m> disk_returned_pct=<d> share_read_ratio=<a> share_meta_ratio=<b>` (the share ratios are
// speeds: time on the data disk / time on the shared folder, so 1 is as fast as the disk).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findImageDir, kernelFileOf } from '../main/core/engines/vm/vm-artifacts';
import { VmProvider } from '../main/core/engines/vm/vm-provider';
import type { Logger } from '../main/core/logger';
import { fmt, markdownTable, median } from './table';
import { measureDisk, measureMemory, prepareGiveBack, type GiveBack } from './vm-give-back';
import { buildPoweroffInitrd, kernelOnlyBoot } from './vm-kernel-only';
import { measurePortReady, readySummary, type PortReady } from './vm-port-ready';
import { resumeBench } from './vm-resume';
import { measurePorts, type PathResult } from './vm-ports';
import { measureShares, type ShareTimes } from './vm-shares';

const portsOnly = process.argv.includes('--ports-only');
/** `-- --resume-only`: only the warm start (vm-resume.ts). */
const resumeOnly = process.argv.includes('--resume-only');
/** `-- --quick` (as `npm run bench -- --quick` passes it): one boot, fewer rounds, a 30 s idle window. */
const quick = process.argv.includes('--quick');
const runs = portsOnly ? 1 : Number(process.env.BENCH_RUNS ?? (quick ? 1 : 3));
const portRounds = Number(process.env.BENCH_PORT_ROUNDS ?? (quick ? 10 : 30));
const portDownloads = Number(process.env.BENCH_PORT_DOWNLOADS ?? (quick ? 1 : 3));
// Containers per probe for port_ready_s (each probe gets this many, alternating).
const readyRounds = Number(process.env.BENCH_PORT_READY_ROUNDS ?? (quick ? 3 : 7));
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? (quick ? 30 : 60));
// The first seconds after ready are the engine finishing its start-up (about 8 % of a core for ~5 s under
// emulation); a VM is idle for most of its life, so the idle window starts after this settle time, said so.
const settleSeconds = Number(process.env.BENCH_SETTLE_SECONDS ?? 15);
const accel = process.env.BERTH_VM_ACCEL ?? 'tcg';
const cpus = 2;
const memoryMiB = 1024;
const log: Logger = {
  // BENCH_VERBOSE=1 shows the VM's own lines (port forwards opening, with when), for looking into a slow path.
  info: (message) => {
    if (process.env.BENCH_VERBOSE) console.info(`${new Date().toISOString()} ${message}`);
  },
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
    if (resumeOnly) {
      await resumeBench({ env, log, kernel, initrd, accel, cpus, memoryMiB, runs });
      return;
    }
    const boots: Array<{ readyS: number; phases: string }> = [];
    const kernelOnly: number[] = [];
    let idleCpuPct = Number.NaN;
    const giveBack: GiveBack[] = [];
    let ports: PathResult[] = [];
    let portReady: PortReady = { hostS: [], guestS: [], eventS: [], startCallS: [] };
    let shares: ShareTimes | null = null;
    let mechanism = '?';
    const sharedDir = join(base, 'shared');
    mkdirSync(sharedDir);
    for (let run = 0; run < runs; run += 1) {
      if (!portsOnly) kernelOnly.push(await kernelOnlyBoot(kernel, initrd, accel, cpus, memoryMiB));
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
          ports = await measurePorts(vm, portRounds, portDownloads);
          portReady = await measurePortReady(vm, log, readyRounds);
        }
        if (run === runs - 1 && !portsOnly) {
          // The engine idles (no container), as a VM does most of its life.
          await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
          const pid = vm.qemuPid()!;
          const before = cpuSeconds(pid);
          await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
          idleCpuPct = ((cpuSeconds(pid) - before) / idleSeconds) * 100;
          await prepareGiveBack(vm);
          giveBack.push(await measureMemory(vm), await measureDisk(vm, vm.layout.dataDisk));
          shares = await measureShares(vm.createClient(), base, sharedDir);
          // virtiofs where its daemon runs, else virtio-9p (BERTH_VM_SHARES=9p forces it): the VM's log says which.
          const mounted = vm.logs().find((line) => line.includes('shared folders mounted over'));
          mechanism = /mounted over (virtiofs|virtio-9p)/.exec(mounted ?? '')?.[1] ?? '?';
        }
      } finally {
        await vm.stop('benchmark run done', 'power-off');
        await vm.dispose();
      }
    }
    const readyS = median(boots.map((boot) => boot.readyS));
    const kernelS = portsOnly ? Number.NaN : median(kernelOnly);
    console.log(
      `\nVM boot under ${accel}, ${cpus} CPUs, ${memoryMiB} MiB, ${runs} runs (same kernel, same machine, same run):\n`,
    );
    console.log(
      markdownTable(
        ['run', 'QEMU start → engine ready (s)', 'phases (s since QEMU start)', 'kernel-only boot (s)'],
        boots.map((boot, i) => [String(i + 1), boot.readyS.toFixed(1), boot.phases, kernelOnly[i]?.toFixed(1) ?? '—']),
      ),
    );
    if (!portsOnly)
      console.log(
        `\nidle VM (engine up, no containers) over ${idleSeconds} s, from ${settleSeconds} s after ready: ${idleCpuPct.toFixed(2)} % of one host core`,
      );
    const s = shares as ShareTimes | null;
    console.log(
      `\na container's published port (busybox httpd in the VM), ${portRounds} GETs of a 3-byte file (fresh connection each) and ${portDownloads} downloads of 100 MiB per path, alternating:\n`,
    );
    console.log(
      markdownTable(
        ['path to the port', 'median HTTP round trip (ms)', 'median 100 MiB download (MiB/s)'],
        ports.map((p) => [p.path, p.rttMs.toFixed(1), p.mibPerS.toFixed(1)]),
      ),
    );
    if (!portsOnly) {
      console.log('\nWhat the VM gives back to the host (same VM, after the idle window):\n');
      console.log(
        markdownTable(
          ['what', 'before (MiB)', 'peak (MiB)', 'after (MiB)', 'returned (%)', 'lowest at (s after the free)'],
          giveBack.map((row) => [
            row.what,
            fmt(row.beforeMiB, 0),
            fmt(row.peakMiB, 0),
            fmt(row.afterMiB, 0),
            fmt(row.returnedPct, 1),
            fmt(row.afterS, 1),
          ]),
        ),
      );
    }
    if (s) {
      console.log(`\nshared folder (${mechanism}) against the VM's data disk, in one container (s):\n`);
      console.log(
        markdownTable(
          ['work', 'shared folder', 'data disk', 'speed: disk time / share time'],
          [
            [
              'read a 256 MiB file',
              s.readShareS.toFixed(2),
              s.readDiskS.toFixed(2),
              (s.readDiskS / s.readShareS).toFixed(2),
            ],
            [
              'create + stat + delete 5,000 files',
              s.metaShareS.toFixed(2),
              s.metaDiskS.toFixed(2),
              (s.metaDiskS / s.metaShareS).toFixed(2),
            ],
          ],
        ),
      );
    }
    const readyMedians = readySummary(portReady);
    console.log(
      `\nhow soon a published port answers after \`docker start\` returns (busybox httpd, listening at once; ${readyRounds} containers per probe, alternating; Berth's forward driven by the engine's events):\n`,
    );
    const spread = (values: number[]) =>
      values.length ? `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}` : '—';
    console.log(
      markdownTable(
        ['what', 'median (s)', 'range (s)', 'containers'],
        [
          [
            "127.0.0.1:<port> on this computer, Berth's forward (port_ready_s)",
            portReady.hostS,
            portReady.hostS.length,
          ],
          ['the same server inside the VM, over ssh -L (guest_ready_s)', portReady.guestS, portReady.guestS.length],
          ["the container's start event reaching Berth", portReady.eventS, portReady.eventS.length],
          ['`docker start` itself (over the VM SSH connection)', portReady.startCallS, portReady.startCallS.length],
        ].map(([what, values, n]) => [
          String(what),
          fmt(median(values as number[]), 2),
          spread(values as number[]),
          String(n),
        ]),
      ),
    );
    const [berth, berthSsh, openSsh] = ports;
    const [memory, disk] = giveBack;
    console.log(
      `ratio=${(readyS / kernelS).toFixed(2)} ready_s=${readyS.toFixed(1)} kernel_s=${kernelS.toFixed(1)} idle_cpu_pct=${idleCpuPct.toFixed(2)}` +
        ` port_rtt_ratio=${(berth!.rttMs / openSsh!.rttMs).toFixed(2)} port_rtt_ms=${berth!.rttMs.toFixed(1)} ssh_l_rtt_ms=${openSsh!.rttMs.toFixed(1)}` +
        ` port_ready_s=${fmt(readyMedians.portS, 2)} guest_ready_s=${fmt(readyMedians.guestS, 2)} port_ready_ratio=${fmt(readyMedians.portS / readyMedians.guestS, 2)}` +
        ` berth_ssh_rtt_ms=${berthSsh!.rttMs.toFixed(1)} port_mib_s=${berth!.mibPerS.toFixed(1)} ssh_l_mib_s=${openSsh!.mibPerS.toFixed(1)} berth_ssh_mib_s=${berthSsh!.mibPerS.toFixed(1)}` +
        ` mem_returned_pct=${fmt(memory?.returnedPct, 1)} disk_returned_pct=${fmt(disk?.returnedPct, 1)}` +
        ` share_read_ratio=${fmt(s ? s.readDiskS / s.readShareS : undefined, 2)} share_meta_ratio=${fmt(s ? s.metaDiskS / s.metaShareS : undefined, 2)}`,
    );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
