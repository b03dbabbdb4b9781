// Start at login (Settings): macOS and Windows through Electron's login items, Linux through an XDG autostart
// entry (~/.config/autostart/berth.desktop), which Electron does not manage there. Started that way Berth
// opens in the tray only (`--hidden`).
import { app } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const hiddenFlag = '--hidden';

/** The XDG autostart entry that starts Berth hidden; exec paths with spaces are quoted as the spec says. */
export function autostartEntry(execPath: string): string {
  const quoted = /[\s"\\]/.test(execPath) ? `"${execPath.replace(/(["\\$`])/g, '\\$1')}"` : execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Berth',
    'Comment=A desktop dashboard for containers',
    `Exec=${quoted} ${hiddenFlag}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export async function applyStartAtLogin(enabled: boolean): Promise<void> {
  if (process.platform !== 'linux') {
    // args reach Berth on Windows; macOS says wasOpenedAtLogin instead.
    app.setLoginItemSettings({ openAtLogin: enabled, args: [hiddenFlag] });
    return;
  }
  const dir = join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart');
  const file = join(dir, 'berth.desktop');
  if (!enabled) return rm(file, { force: true });
  await mkdir(dir, { recursive: true });
  // An AppImage runs from a temporary mount: its own path is in APPIMAGE.
  await writeFile(file, autostartEntry(process.env.APPIMAGE || process.execPath));
}

/** Whether this start came from the login item (then only the tray shows). */
export function startedHidden(): boolean {
  return (
    process.argv.includes(hiddenFlag) ||
    (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true)
  );
}
