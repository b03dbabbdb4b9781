// Reads what helper-mode.ts decides on from this machine: who the user is, where the helper is installed and
// who may change it (lstat, never following a link), and whether pkexec (with a desktop session) or sudo is there.
import { lstatSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { FileFacts, HelperFacts } from './helper-mode';

function statOrNull(path: string): FileFacts | null {
  try {
    const stats = lstatSync(path);
    return { uid: stats.uid, mode: stats.mode, isFile: stats.isFile(), isDirectory: stats.isDirectory() };
  } catch (error) {
    // Not installed there (or a folder Berth cannot look into): the verdict says how to install it.
    if (!['ENOENT', 'ENOTDIR', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return null;
  }
}

export function systemHelperFacts(env: NodeJS.ProcessEnv, which: (command: string) => string | null): HelperFacts {
  const override = env.BERTH_ENGINE_HELPER?.startsWith('/') ? env.BERTH_ENGINE_HELPER : null;
  return {
    user: userInfo().username,
    override,
    stat: statOrNull,
    which,
    desktop: Boolean(env.DISPLAY || env.WAYLAND_DISPLAY),
  };
}
