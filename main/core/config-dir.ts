// Owns where Berth keeps its own files (settings.json, the encrypted registry logins' credentials.json):
// `$BERTH_CONFIG_DIR` when set (tests, portable setups), else the platform's usual place for an app's
// configuration. Low in the core, since settings and registries both keep files there.
import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

export function configDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home: string = env.HOME || homedir(),
): string {
  if (env.BERTH_CONFIG_DIR) return env.BERTH_CONFIG_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Berth');
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Berth');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'berth');
}
