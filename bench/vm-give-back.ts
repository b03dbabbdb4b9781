// The give-back part of `npm run bench:vm`, on the booted VM of its last run: memory a container allocates and
// frees (512 MiB in a tmpfs), and what QEMU's RSS gives back within 30 s (free page reporting); disk a container
// writes and is removed with (300 MiB), and what the data disk file gives back within 60 s (the trim that the
// removal's engine event schedules). Containers run from a busybox image made in the guest from its own
// /bin/busybox, with the guest's docker CLI over the VM's SSH connection.
import { readFileSync } from 'node:fs';
import { parseEngineEvent } from '../main/core/connection/engine-event';
import { allocatedBytes } from '../main/core/engines/vm/vm-host-usage';
import type { VmProvider } from '../main/core/engines/vm/vm-provider';

const MiB = 1024 ** 2;
const IMAGE = 'berth-bench-busybox';
export const MEM_MIB = Number(process.env.BENCH_MEM_MIB ?? 512);
export const DISK_MIB = Number(process.env.BENCH_DISK_MIB ?? 300);
const MEM_WINDOW_S = 30;
const DISK_WINDOW_S = 60;

export interface GiveBack {
  what: string;
  beforeMiB: number;
  peakMiB: number;
  afterMiB: number;
  returnedPct: number;
  /** Seconds from the free to the lowest reading in the window. */
  afterS: number;
}

function rssBytes(pid: number): number {
  const match = /^VmRSS:\s*(\d+)\s*kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`[bench] no VmRSS for QEMU (${pid})`);
  return Number(match[1]) * 1024;
}

async function guest(vm: VmProvider, command: string, deadlineMs = 180_000): Promise<string> {
  const { stdout, stderr, code } = await vm.runInGuest(command, deadlineMs);
  if (code !== 0) throw new Error(`[bench] in the guest, "${command}" failed (${code}): ${stderr || stdout}`);
  return stdout;
}

/** Lowest reading within `seconds` of now, once a second; stops early once `enough` says so. */
async function lowestWithin(
  seconds: number,
  read: () => Promise<number>,
  enough: (value: number) => boolean,
): Promise<{ value: number; atS: number }> {
  const start = Date.now();
  let best = { value: await read(), atS: 0 };
  while (!enough(best.value) && Date.now() - start < seconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const value = await read();
    if (value < best.value) best = { value, atS: (Date.now() - start) / 1000 };
  }
  return best;
}

function result(what: string, before: number, peak: number, after: { value: number; atS: number }): GiveBack {
  const grown = peak - before;
  return {
    what,
    beforeMiB: before / MiB,
    peakMiB: peak / MiB,
    afterMiB: after.value / MiB,
    returnedPct: grown > 0 ? ((peak - after.value) / grown) * 100 : Number.NaN,
    afterS: after.atS,
  };
}

export async function measureMemory(vm: VmProvider): Promise<GiveBack> {
  const pid = vm.qemuPid()!;
  await guest(vm, `docker run -d --name bench-mem --tmpfs /t:size=${MEM_MIB + 64}m ${IMAGE} sleep 600`);
  // Settle: the container's start touched pages of its own.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const before = rssBytes(pid);
  await guest(vm, `docker exec bench-mem /busybox dd if=/dev/zero of=/t/fill bs=1M count=${MEM_MIB}`);
  const peak = rssBytes(pid);
  await guest(vm, 'docker rm -f bench-mem');
  const grown = peak - before;
  const after = await lowestWithin(
    MEM_WINDOW_S,
    async () => rssBytes(pid),
    (value) => peak - value >= grown * 0.95,
  );
  return result(
    `memory: ${MEM_MIB} MiB in a container's tmpfs, freed (QEMU RSS, ${MEM_WINDOW_S} s)`,
    before,
    peak,
    after,
  );
}

export async function measureDisk(vm: VmProvider, dataDisk: string): Promise<GiveBack> {
  const size = async () => (await allocatedBytes(dataDisk)) ?? Number.NaN;
  // The removal's engine event reaches the VM as the registry forwards it in Berth.
  const events = await vm.createClient().getEvents();
  let partial = '';
  events.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const event = parseEngineEvent(JSON.parse(line));
      if (event) vm.engineEvent(event);
    }
  });
  try {
    await guest(vm, 'sync');
    const before = await size();
    await guest(
      vm,
      `docker run --name bench-disk ${IMAGE} dd if=/dev/urandom of=/fill bs=1M count=${DISK_MIB} && sync`,
      300_000,
    );
    const peak = await size();
    await guest(vm, 'docker rm bench-disk && docker container prune -f');
    const grown = peak - before;
    const after = await lowestWithin(DISK_WINDOW_S, size, (value) => peak - value >= grown * 0.98);
    return result(
      `disk: ${DISK_MIB} MiB written by a container, removed (data disk file's allocated size, ${DISK_WINDOW_S} s)`,
      before,
      peak,
      after,
    );
  } finally {
    (events as unknown as { destroy(): void }).destroy();
  }
}

/** The image the measurements run: the guest's static busybox, imported. */
export async function prepareGiveBack(vm: VmProvider): Promise<void> {
  await guest(
    vm,
    `d=$(mktemp -d) && cp /bin/busybox "$d/" && tar -C "$d" -c busybox | docker import -c 'ENTRYPOINT ["/busybox"]' - ${IMAGE} >/dev/null && rm -rf "$d"`,
  );
}
