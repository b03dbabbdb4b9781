// Reads the first-run page's facts from this machine: /etc/os-release, whether Berth can run its own dockerd,
// QEMU on the tool path, whether a VM image is at hand, and whether Berth's engine installer can run here.
import { readFile } from 'node:fs/promises';
import { arch } from 'node:os';
import type { SetupOptions } from '../../shared/setup-types';
import { errorMessage } from '../../shared/error-message.js';
import { findTool, toolPath } from '../tool-path';
import { dockerdSupport, systemDockerdFacts, whichIn } from './dockerd/dockerd-availability';
import { systemInstallerFacts } from './install/install-facts';
import { installerMode, installOffer } from './install/installer-mode';
import { guestArchOf, qemuBinary } from './vm/qemu-args';
import { resolveImageDir } from './vm/vm-image-source';
import { parseOsRelease, setupOptions } from './setup-options';

export async function machineSetupOptions(env: NodeJS.ProcessEnv): Promise<SetupOptions> {
  const platform = process.platform;
  const osRelease = parseOsRelease(await readFile('/etc/os-release', 'utf8').catch(() => ''));
  const support = dockerdSupport(systemDockerdFacts(env, platform));
  const binary = qemuBinary(guestArchOf(arch()));
  // With a download address the image comes at the first start; asking here must not download it.
  const vmImage = env.BERTH_VM_IMAGE_URL
    ? { ready: true as const }
    : await resolveImageDir(env).then(
        () => ({ ready: true as const }),
        (error: unknown) => ({ ready: false as const, reason: errorMessage(error) }),
      );
  return setupOptions({
    platform,
    osRelease,
    berthEngine: { available: support.available, reason: support.reason },
    qemu: findTool(binary, env),
    qemuPackage: binary === 'qemu-system-aarch64' ? 'qemu-system-arm' : 'qemu-system-x86',
    vmImage,
    installer:
      platform === 'linux'
        ? installOffer(installerMode(systemInstallerFacts(env, whichIn({ PATH: toolPath(env) }))))
        : { available: false, reason: 'Berth installs engines on Linux only.' },
  });
}
