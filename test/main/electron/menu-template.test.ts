import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../main/electron/menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...flatten(Array.isArray(item.submenu) ? item.submenu : [])]);
}

function build(platform: NodeJS.Platform) {
  const opened: string[] = [];
  const items = flatten(menuTemplate(platform, { openPage: (path) => opened.push(path) }));
  return { items, opened };
}

describe('the menu bar', () => {
  it('has the usual roles, so each platform keeps its shortcuts', () => {
    const roles = build('linux').items.map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'quit', 'reload', 'togglefullscreen']));
    expect(build('darwin').items.map((item) => item.role)).toContain('appMenu');
    expect(roles).not.toContain('appMenu');
  });

  it('opens Settings with Cmd/Ctrl+, and the pages from the Go menu, with no shortcut used twice', () => {
    const { items, opened } = build('linux');
    for (const item of items) if (typeof item.click === 'function') (item.click as () => void)();
    expect(opened).toEqual(
      expect.arrayContaining(['/settings', '/', '/containers', '/images', '/volumes', '/networks', '/engine']),
    );
    const settings = items.find((item) => item.label === 'Settings');
    expect(settings?.accelerator).toBe('CmdOrCtrl+,');
    const accelerators = items.map((item) => item.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
