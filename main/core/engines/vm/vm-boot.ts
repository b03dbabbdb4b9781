// Boots a VM engine once: prepares its disks and key, picks the accelerator (forced, remembered, or probed),
// starts QEMU, follows the boot phases on the serial console, pins the host key the console shows, and
// waits until the guest engine answers `/_ping` through the SSH tunnel. Each phase's host time since QEMU
// started is recorded for the Engine page and the bench. A saved state that fits the machine is resumed instead
// (vm-resume.ts), and every boot carries the fingerprint a later save records.
import { arch as hostArch, cpus, platform as hostPlatform } from 'node:os';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BerthError } from '../../../shared/errors';
import { BootAbandoned, cpuPositions, noInit, stalledCpu } from './boot-abandon';
import type { SshTunnel } from '../ssh/ssh-tunnel';
import {
  acceleratorCandidates,
  chooseAccelerator,
  forcedAccelerator,
  kvmUsable,
  readRememberedAccelerator,
  rememberAccelerator,
  type ProbeResult,
} from './accelerator';
import { guestArchOf, qemuArgs, qemuBinary, type Accelerator, type QemuInputs } from './qemu-args';
import { freeLocalPort } from '../free-local-port';
import { ensurePrivateDir } from '../private-dir';
import { qemuPidfileText } from './vm-leftovers';
import { QemuProcess } from './qemu-process';
import { sandboxSupported } from './qemu-sandbox';
import { toolCommand } from '../../tool-path';
import type { SerialEvent } from './serial-lines';
import { ensureDataDisk, installOsDisk, loadImage, verifyArtifact, type VmImage } from './vm-artifacts';
import { resolveImageDir } from './vm-image-source';
import type { VmEngineConfig } from './vm-config';
import { ensureVmKey } from './vm-key';
import type { VmLayout } from './vm-layout';
import { comparableArgs, qemuVersionOf, type VmFingerprint } from './saved-state';
import type { ShareMechanism } from './shared-folders';
import { pinHostKey, vmTunnel, type HostKey } from './vm-ssh-access';
import { tryResume } from './vm-resume';

export { GUEST_USER } from './vm-ssh-access';
export const READY_DEADLINE_MS = 300_000;
const PING_RETRY_MS = 100;
/**
 * Boots tried when a boot is abandoned (boot-abandon.ts: a stalled CPU, or no init) before the engine is ready.
 * Under software emulation here a guest hung now and then: CPUs in soft lockups, seen in about 1 boot in 20 while
 * the first cgroup was made with the other CPU busy (initrd-init avoids that case, 0 in 40 since); and, twice in
 * CI, a console silent after the firmware's banner for the whole five minutes.
 */
const BOOT_ATTEMPTS = 3;
/** The guest's init reports itself about 3.5 s after QEMU starts under software emulation here, at once with KVM. */
export const INIT_DEADLINE_MS = 90_000;
const PROBE_DEADLINE_MS = 120_000;

export interface BootPhase {
  /** `qemu` (spawned), the guest's `init`, `ssh`, `engine`, and `ready` (`/_ping` answered through the tunnel). */
  phase: string;
  atMs: number;
}

export interface BootDeps {
  config: VmEngineConfig;
  env: NodeJS.ProcessEnv;
  layout: VmLayout;
  note(line: string): void;
  serial(line: string): void;
  phase(phase: BootPhase): void;
  /** Resolves when the engine answers through the tunnel; rejects otherwise. */
  ping(tunnel: SshTunnel): Promise<void>;
  /** QEMU's options for the shared folders, asked before each boot (share-session.ts). */
  shareArgs?: () => Promise<string[]>;
  /** How long a boot may take to reach the guest's init before it is abandoned; absent, INIT_DEADLINE_MS. */
  initDeadlineMs?: number;
  /** The folders shared in this boot and how (asked after shareArgs), for the saved state's fingerprint. */
  shareFacts?: () => { folders: string[]; mechanism: ShareMechanism };
}

export interface BootedVm {
  qemu: QemuProcess;
  sshPort: number;
  tunnel: SshTunnel;
  accel: Accelerator;
  /** What a save of this VM records, so that a resume can tell whether the state still fits. */
  fingerprint: VmFingerprint;
  hostKey: HostKey;
  /** The zstd that compresses a saved state. */
  zstd: string;
  /** Resumed from a saved state (containers kept running), not booted. */
  resumed: boolean;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits for `ready`; throws when QEMU exits, the deadline passes, or `failure` names an error to throw. */
async function until(
  what: string,
  ready: () => boolean,
  qemu: QemuProcess,
  deadlineMs: number,
  failure: () => Error | null = () => null,
): Promise<void> {
  const deadline = qemu.startedAt + deadlineMs;
  while (!ready()) {
    const failed = failure();
    if (failed) throw failed;
    if (!qemu.running)
      throw new BerthError(
        'ENGINE_UNREACHABLE',
        `QEMU exited before ${what}${qemu.errorOutput() ? `: ${qemu.errorOutput()}` : ''}. See the VM's log for the console's last lines.`,
      );
    if (Date.now() > deadline)
      throw new BerthError(
        'ENGINE_UNREACHABLE',
        `The VM did not reach ${what} within ${deadlineMs / 1000} s. See the VM's log for the console's last lines.`,
      );
    await sleep(200);
  }
}

export class VmBoot {
  /** The QEMU that run() found, and whether it takes the seccomp sandbox. */
  private program = { binary: '', sandbox: false };

  constructor(private readonly deps: BootDeps) {}

  async run(): Promise<BootedVm> {
    const { config, env, layout, note } = this.deps;
    await mkdir(layout.vmDir, { recursive: true, mode: 0o700 });
    // Its sockets (QMP, the engine's) live here: the folder and its base must be this user's alone.
    await ensurePrivateDir(dirname(layout.runtimeDir));
    await ensurePrivateDir(layout.runtimeDir);
    const imageDir = await resolveImageDir(env);
    // The kernel and initrd are checked against the manifest before a cold boot only: a resumed guest runs the
    // kernel in its saved memory, and hashing the 60 MB vmlinux would cost a resume a quarter of a second.
    const image = await loadImage(imageDir, []);
    if (await installOsDisk(image, layout.osDisk, layout.osDiskStamp)) note(`[vm] OS disk unpacked from ${imageDir}`);
    const before = await ensureDataDisk(layout.dataDisk, config.diskGiB);
    if (before === 0) note(`[vm] data disk created (${config.diskGiB} GiB, sparse)`);
    else if (before < config.diskGiB * 1024 ** 3)
      note(`[vm] data disk grown to ${config.diskGiB} GiB; the guest grows its filesystem at boot`);
    await ensureVmKey(layout.privateKey, layout.publicKey, `berth-vm-${config.name}`);
    const base = {
      kernel: image.kernel,
      initrd: image.initrd,
      osDisk: layout.osDisk,
      dataDisk: layout.dataDisk,
      authorizedKeysFile: layout.publicKey,
    };
    this.program = await this.qemuProgram();
    const accel = await this.accelerator(base);
    const resumed = await this.resume({ ...base, accel }, image);
    if (resumed) return resumed;
    await verifyArtifact(image.kernel, image.sha256.kernel);
    await verifyArtifact(image.initrd, image.sha256.initrd);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.boot({ ...base, accel }, image);
      } catch (error) {
        if (!(error instanceof BootAbandoned) || attempt >= BOOT_ATTEMPTS) throw error;
        note(`[vm] ${error.message} Booting again (attempt ${attempt + 1} of ${BOOT_ATTEMPTS}).`);
      }
    }
  }

  private inputs(
    base: Pick<QemuInputs, 'kernel' | 'initrd' | 'osDisk' | 'dataDisk' | 'authorizedKeysFile'>,
    accel: Accelerator,
    sshPort: number,
  ): QemuInputs {
    const { config, layout } = this.deps;
    return {
      ...base,
      arch: guestArchOf(hostArch()),
      accel,
      cpus: config.cpus,
      memoryMiB: config.memoryMiB,
      sshPort,
      qmpSocket: layout.qmpSocket,
      serialLog: layout.serialLog,
    };
  }

  /** BERTH_QEMU, else the QEMU found as tool-path.ts says (system folders first as root). */
  private async qemuProgram(): Promise<{ binary: string; sandbox: boolean }> {
    const binary = this.deps.env.BERTH_QEMU ?? toolCommand(qemuBinary(guestArchOf(hostArch())), this.deps.env);
    const sandbox = await sandboxSupported(binary);
    if (!sandbox)
      this.deps.note(`[vm] ${binary} does not take QEMU's seccomp sandbox (-sandbox on): the VM runs without it`);
    return { binary, sandbox };
  }

  /** A saved state that fits resumed (vm-resume.ts), else null after a note saying why it was not. */
  private async resume(
    base: Parameters<VmBoot['inputs']>[0] & { accel: Accelerator },
    image: VmImage,
  ): Promise<BootedVm | null> {
    const { layout, env, note } = this.deps;
    if (!existsSync(layout.savedState) && !existsSync(layout.savedStateMeta)) return null;
    const sshPort = await freeLocalPort();
    const shareArgs = (await this.deps.shareArgs?.()) ?? [];
    const inputs = { ...this.inputs(base, base.accel, sshPort), shareArgs };
    const zstd = toolCommand('zstd', env);
    return tryResume({
      layout,
      env,
      note,
      zstd,
      sshPort,
      accel: base.accel,
      fingerprint: () => this.fingerprint(inputs, image),
      spawn: (extraArgs) => this.started(this.spawn(inputs, () => undefined, extraArgs)),
      phase: this.deps.phase,
      ping: this.deps.ping,
    });
  }

  /** What a saved state of a VM started with `inputs` must match (saved-state.ts). */
  private async fingerprint(inputs: QemuInputs, image: VmImage): Promise<VmFingerprint> {
    const { config } = this.deps;
    const shares = this.deps.shareFacts?.() ?? { folders: [], mechanism: '9p' as const };
    return {
      // The manifest's sha256 of each artifact (the OS disk is unpacked from os.img.zst, re-unpacked when it changes).
      image: Object.values(image.sha256).sort().join(' '),
      qemuVersion: await qemuVersionOf(this.program.binary),
      accel: inputs.accel,
      cpus: config.cpus,
      memoryMiB: config.memoryMiB,
      diskGiB: config.diskGiB,
      shares: shares.folders,
      shareMechanism: shares.folders.length === 0 ? 'none' : shares.mechanism,
      args: comparableArgs(qemuArgs({ ...inputs, sandbox: this.program.sandbox }), inputs.sshPort),
    };
  }

  /** Remembers a started QEMU in its pidfile, found again by the next start if this Berth is killed (vm-leftovers.ts). */
  private async started(qemu: QemuProcess): Promise<QemuProcess> {
    if (qemu.pid !== undefined) await writeFile(this.deps.layout.qemuPidfile, qemuPidfileText(qemu.pid, process.pid));
    return qemu;
  }

  private spawn(
    inputs: QemuInputs,
    onEvent: (event: SerialEvent, atMs: number) => void,
    extraArgs: string[] = [],
  ): QemuProcess {
    const { binary, sandbox } = this.program;
    return new QemuProcess({
      binary,
      args: [...qemuArgs({ ...inputs, sandbox }), ...extraArgs],
      qmpSocket: inputs.qmpSocket,
      onLine: (line) => this.deps.serial(line),
      onEvent,
    });
  }

  /** BERTH_VM_ACCEL, else the one remembered for this machine, else a probe of each candidate (fastest to `init`). */
  private async accelerator(base: Parameters<VmBoot['inputs']>[0]): Promise<Accelerator> {
    const { env, layout, note } = this.deps;
    const forced = forcedAccelerator(env);
    if (forced) return forced;
    const platform = hostPlatform();
    const candidates = acceleratorCandidates(platform, platform === 'linux' && (await kvmUsable()));
    if (candidates.length === 1) return candidates[0];
    const machine = `${qemuBinary(guestArchOf(hostArch()))} ${platform} ${hostArch()} ${cpus()[0]?.model ?? ''}`;
    const remembered = await readRememberedAccelerator(layout.accelFile, machine);
    if (remembered) return remembered;
    const probes: ProbeResult[] = [];
    for (const accel of candidates) {
      // A later candidate only has to beat the best so far.
      const best = Math.min(
        PROBE_DEADLINE_MS,
        ...probes.flatMap((probe) => (probe.initMs === null ? [] : [probe.initMs])),
      );
      let initMs: number | null = null;
      const qemu = this.spawn({ ...this.inputs(base, accel, await freeLocalPort()), snapshot: true }, (event, atMs) => {
        if (event.type === 'phase' && event.phase === 'init') initMs = atMs;
      });
      await until('the init phase', () => initMs !== null, qemu, best).catch((error: Error) =>
        note(`[vm] accelerator ${accel}: ${error.message}`),
      );
      await qemu.kill();
      probes.push({ accel, initMs });
      note(
        `[vm] accelerator probe: ${accel} reached init in ${initMs === null ? '(missed the deadline)' : `${initMs} ms`}`,
      );
    }
    const chosen = chooseAccelerator(probes);
    await rememberAccelerator(layout.accelFile, { accel: chosen, probes, machine });
    note(`[vm] using accelerator ${chosen} (remembered in ${layout.accelFile}; delete it to probe again)`);
    return chosen;
  }

  private async boot(
    base: Parameters<VmBoot['inputs']>[0] & { accel: Accelerator },
    image: VmImage,
  ): Promise<BootedVm> {
    const { config, env, layout, note } = this.deps;
    const sshPort = await freeLocalPort();
    let hostKey: { keyType: string; key: string } | null = null;
    let abandoned: BootAbandoned | null = null;
    let initSeen = false;
    const shareArgs = (await this.deps.shareArgs?.()) ?? [];
    const inputs = { ...this.inputs(base, base.accel, sshPort), shareArgs };
    const fingerprint = this.fingerprint(inputs, image);
    fingerprint.catch(() => undefined);
    const qemu = this.spawn(inputs, (event, atMs) => {
      if (event.type === 'hostkey') hostKey = { keyType: event.keyType, key: event.key };
      else if (event.type === 'stall') abandoned ??= stalledCpu(event.line);
      else if (event.phase !== 'poweroff') {
        initSeen ||= event.phase === 'init';
        this.deps.phase({ phase: event.phase, atMs });
      }
    });
    this.deps.phase({ phase: 'qemu', atMs: 0 });
    await this.started(qemu);
    note(
      `[vm] QEMU started (pid ${qemu.pid}, ${base.accel}, ${config.cpus} CPUs, ${config.memoryMiB} MiB, SSH on 127.0.0.1:${sshPort})`,
    );
    const tunnel = vmTunnel(layout, env, sshPort, note);
    try {
      const initDeadlineMs = this.deps.initDeadlineMs ?? INIT_DEADLINE_MS;
      const stall = (): Error | null => {
        if (!abandoned && !initSeen && Date.now() > qemu.startedAt + initDeadlineMs) abandoned = noInit(initDeadlineMs);
        return abandoned;
      };
      await until('its SSH host key on the console', () => hostKey !== null, qemu, READY_DEADLINE_MS, stall);
      const pinned = hostKey as unknown as HostKey;
      await pinHostKey(layout, sshPort, pinned);
      await this.waitForEngine(qemu, tunnel, stall);
      this.deps.phase({ phase: 'ready', atMs: Date.now() - qemu.startedAt });
      const zstd = toolCommand('zstd', env);
      return {
        qemu,
        sshPort,
        tunnel,
        accel: base.accel,
        fingerprint: await fingerprint,
        hostKey: pinned,
        zstd,
        resumed: false,
      };
    } catch (error) {
      tunnel.dispose();
      if (error instanceof BootAbandoned && qemu.running)
        note(`[vm] the guest's CPUs when this boot was abandoned: ${await cpuPositions(inputs.qmpSocket)}`);
      await qemu.kill();
      throw error;
    }
  }

  private async waitForEngine(qemu: QemuProcess, tunnel: SshTunnel, stall: () => Error | null): Promise<void> {
    let last: Error | null = null;
    const ready = { done: false };
    const attempt = async (): Promise<void> => {
      while (!ready.done && qemu.running && Date.now() < qemu.startedAt + READY_DEADLINE_MS) {
        try {
          await this.deps.ping(tunnel);
          ready.done = true;
        } catch (error) {
          last = error as Error;
          // A refused attempt costs the guest next to nothing (no SSH login until sshd listens; then a channel
          // the socket refuses), and the engine's first answer is what boot time is measured to.
          await sleep(PING_RETRY_MS);
        }
      }
    };
    const pinging = attempt();
    await until('engine readiness', () => ready.done, qemu, READY_DEADLINE_MS, stall).catch((error: Error) => {
      ready.done = true;
      if (error instanceof BootAbandoned) throw error;
      throw last
        ? new BerthError('ENGINE_UNREACHABLE', `${error.message} Last answer: ${(last as Error).message}`)
        : error;
    });
    await pinging;
  }
}
