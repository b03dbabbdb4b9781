// Which hypervisor backend a VM engine uses on this machine: QEMU on Linux (and anywhere else QEMU runs, as an
// opt-in: BERTH_VM_BACKEND=qemu), vfkit (Apple's Virtualization.framework) on macOS, WSL2 on Windows. A forced
// backend that cannot run on this platform is refused with why, rather than failing later at boot.
import type { BackendKind } from './vm-backend';

export type BackendChoice = { kind: BackendKind; why: string } | { kind: null; problem: string };

const KINDS: readonly BackendKind[] = ['qemu', 'vfkit', 'wsl2'];

/** The platform a backend runs on; QEMU runs on all of them. */
const ONLY_ON: Partial<Record<BackendKind, { platform: NodeJS.Platform; name: string }>> = {
  vfkit: { platform: 'darwin', name: 'macOS' },
  wsl2: { platform: 'win32', name: 'Windows' },
};

export function selectBackend(platform: NodeJS.Platform, arch: string, env: NodeJS.ProcessEnv): BackendChoice {
  const forced = env.BERTH_VM_BACKEND?.trim().toLowerCase();
  if (forced) {
    if (!KINDS.includes(forced as BackendKind))
      return { kind: null, problem: `BERTH_VM_BACKEND=${forced} is not a backend (${KINDS.join(', ')}).` };
    const kind = forced as BackendKind;
    const only = ONLY_ON[kind];
    if (only && only.platform !== platform)
      return { kind: null, problem: `BERTH_VM_BACKEND=${kind} runs on ${only.name} only, not on ${platform}.` };
    return { kind, why: `BERTH_VM_BACKEND=${kind}` };
  }
  if (platform === 'darwin') {
    // Virtualization.framework runs arm64 guests on Apple silicon and x86_64 guests on Intel Macs alike.
    return { kind: 'vfkit', why: `macOS (${arch}): Apple's Virtualization.framework through vfkit` };
  }
  if (platform === 'win32') return { kind: 'wsl2', why: `Windows (${arch}): WSL2` };
  return { kind: 'qemu', why: `${platform} (${arch}): QEMU` };
}
