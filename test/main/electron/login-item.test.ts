import { describe, expect, it, vi } from 'vitest';

// login-item.ts imports `app` for the platforms Electron manages; this test covers the Linux entry only.
vi.mock('electron', () => ({ app: {} }));
const { autostartEntry } = await import('../../../main/electron/login-item');

describe('the Linux autostart entry', () => {
  it('starts Berth hidden (tray only)', () => {
    expect(autostartEntry('/opt/Berth/berth')).toContain('Exec=/opt/Berth/berth --hidden');
    expect(autostartEntry('/opt/Berth/berth')).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Berth\n/);
  });

  it('quotes a path with spaces or quotes as the desktop entry spec says', () => {
    expect(autostartEntry('/home/me/My Apps/Berth.AppImage')).toContain(
      'Exec="/home/me/My Apps/Berth.AppImage" --hidden',
    );
    expect(autostartEntry('/a "b"/berth')).toContain('Exec="/a \\"b\\"/berth" --hidden');
  });
});
