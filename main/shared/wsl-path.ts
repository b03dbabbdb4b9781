// The path a Windows folder has inside a WSL2 distribution: WSL mounts each fixed drive under /mnt/<drive>
// (drvfs; wsl.conf [automount] root, default /mnt/: https://learn.microsoft.com/windows/wsl/wsl-config), so
// C:\Users\me is /mnt/c/Users/me. The VM engine's WSL2 backend shares folders this way, and a bind mount's check
// (run/shared-folder-check.ts) must compare paths in this form on Windows. Pure string work: no Node here.

/** The WSL path of an absolute Windows path (`C:\a\b`, `c:/a/b`); null for what drvfs does not automount (UNC, relative, `C:` alone). */
export function wslPathOf(windowsPath: string, automountRoot = '/mnt/'): string | null {
  const match = /^([A-Za-z]):[\\/]+(.*)$/.exec(windowsPath.trim());
  if (!match) return null;
  const drive = match[1].toLowerCase();
  const rest = match[2].split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  if (rest.includes('..')) return null;
  const root = automountRoot.endsWith('/') ? automountRoot : `${automountRoot}/`;
  return [`${root}${drive}`, ...rest].join('/');
}

/** Whether `path` is already a WSL path under the automount root (a path the user gave in its Linux form). */
export function isWslMountPath(path: string, automountRoot = '/mnt/'): boolean {
  const root = automountRoot.endsWith('/') ? automountRoot : `${automountRoot}/`;
  return new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[a-z](/|$)`).test(path);
}
