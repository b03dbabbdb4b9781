// Berth's native menu bar: Electron's standard roles (so Cut/Copy/Paste, Undo, zoom, full screen, Minimise and
// Quit have each platform's usual shortcuts), the macOS app menu, and Berth's own items. Pure (type-only
// Electron import): the shell builds it with Menu.buildFromTemplate, a test checks it.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Shows the window and goes to a page of the renderer (`/containers`, `/settings`, …). */
  openPage(path: string): void;
}

export function menuTemplate(platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: isMac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.openPage('/settings'),
  };
  const go = (label: string, path: string, key: string): MenuItemConstructorOptions => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    click: () => actions.openPage(path),
  });
  return [
    ...(isMac
      ? [
          {
            role: 'appMenu' as const,
            submenu: [
              { role: 'about' as const },
              { type: 'separator' as const },
              settings,
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    {
      label: 'File',
      submenu: isMac ? [{ role: 'close' }] : [settings, { type: 'separator' }, { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        go('Dashboard', '/', '1'),
        go('Containers', '/containers', '2'),
        go('Images', '/images', '3'),
        go('Volumes', '/volumes', '4'),
        go('Networks', '/networks', '5'),
        go('Engine', '/engine', '6'),
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Engine Log and Diagnostics', click: () => actions.openPage('/engine') }] },
  ];
}
