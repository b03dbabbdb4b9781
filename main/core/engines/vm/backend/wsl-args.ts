// wsl.exe's command lines for a VM engine on Windows, pure, written against Microsoft's command reference
// (https://learn.microsoft.com/windows/wsl/basic-commands, MicrosoftDocs/WSL WSL/basic-commands.md at 8842def7):
// --import of the image's rootfs tarball as a WSL 2 distribution, commands run in it as root, --terminate,
// --list --verbose and --unregister. Every call gets WSL_UTF8=1 (wsl-output.ts decodes either way).

/** The guest scripts the WSL rootfs must carry (the image recipe must add them; scripts/vm/ has none yet). */
export const WSL_START_SCRIPT = '/usr/local/sbin/berth-wsl-start';
export const WSL_STOP_SCRIPT = '/usr/local/sbin/berth-wsl-stop';
export const WSL_HOST_KEY = '/etc/ssh/ssh_host_ed25519_key.pub';

/** Makes wsl.exe's own messages UTF-8 instead of UTF-16LE (WSL 0.64.0+; microsoft/WSL#4607). */
export const WSL_ENV = { WSL_UTF8: '1' } as const;

/** A distribution name per engine: wsl.exe names are shared by all of the user's distributions. */
export function wslDistroName(engineName: string): string {
  return `berth-${engineName}`;
}

/** `wsl --import <Distro> <InstallLocation> <FileName> --version 2`: the folder receives the distribution's ext4.vhdx. */
export function wslImportArgs(distro: string, installDir: string, rootfsTar: string): string[] {
  return ['--import', distro, installDir, rootfsTar, '--version', '2'];
}

/**
 * A command in the distribution as root. `--exec` runs it without a shell, so its words reach Linux as given
 * (assumed: Node quotes each argument by the MSVC rules when it builds wsl.exe's command line, and wsl.exe splits
 * it back by the same rules; to check on Windows with a word holding spaces, as wslAuthorizeKeyCommand's does);
 * `--cd /` keeps wsl.exe from translating the Windows working directory (which may not exist in /mnt).
 */
export function wslRunArgs(distro: string, command: string[]): string[] {
  return ['--distribution', distro, '--user', 'root', '--cd', '/', '--exec', ...command];
}

export function wslTerminateArgs(distro: string): string[] {
  return ['--terminate', distro];
}

export function wslListArgs(): string[] {
  return ['--list', '--verbose'];
}

export function wslUnregisterArgs(distro: string): string[] {
  return ['--unregister', distro];
}

/** The guest's start script with the port its sshd listens on at 127.0.0.1 (WSL forwards it to Windows' loopback). */
export function wslStartCommand(sshPort: number): string[] {
  return [WSL_START_SCRIPT, '--ssh-port', String(sshPort)];
}

/** Writes the per-machine public key (given on stdin) as root's only authorized key. */
export function wslAuthorizeKeyCommand(): string[] {
  return ['/bin/sh', '-c', 'umask 077 && mkdir -p /root/.ssh && cat > /root/.ssh/authorized_keys'];
}
