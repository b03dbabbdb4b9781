// Commands that go to every page of the sidebar, with `g` sequences (`g c` Containers), plus the palette's
// own: open it, and the list of shortcuts.
import { navItems } from '../../shell/nav-items';
import type { CommandProvider, PaletteCommand } from '../command-types';

/** Preferred second keys of `g …`; a page added later takes the first free letter of its name. */
const preferred: Record<string, string> = {
  '/': 'd',
  '/containers': 'c',
  '/images': 'i',
  '/registries': 'r',
  '/replicas': 'p',
  '/volumes': 'v',
  '/networks': 'n',
  '/engine': 'e',
  '/settings': 's',
};

export function navigationKeys(items: readonly { path: string; label: string }[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const item of items) {
    const wanted = preferred[item.path];
    if (wanted && !used.has(wanted)) {
      keys.set(item.path, wanted);
      used.add(wanted);
    }
  }
  for (const item of items) {
    if (keys.has(item.path)) continue;
    const free = [...item.label.toLowerCase()].find((letter) => /[a-z]/.test(letter) && !used.has(letter));
    if (free) {
      keys.set(item.path, free);
      used.add(free);
    }
  }
  return keys;
}

export const navigationCommands: CommandProvider = (context) => {
  const keys = navigationKeys(navItems);
  const pages: PaletteCommand[] = navItems.map((item) => {
    const key = keys.get(item.path);
    return {
      id: `go:${item.path}`,
      title: `Go to ${item.label}`,
      section: 'Navigation',
      keywords: [item.label, 'page'],
      shortcut: key ? ['g', key] : undefined,
      run: () => context.navigate(item.path),
    };
  });
  return [
    ...pages,
    {
      id: 'help:shortcuts',
      title: 'Keyboard shortcuts',
      section: 'Help',
      keywords: ['keys', 'help'],
      shortcut: ['?'],
      run: context.openHelp,
    },
    {
      id: 'help:palette',
      title: 'Command palette',
      section: 'Help',
      keywords: ['search', 'commands'],
      shortcut: ['Mod+k'],
      run: context.openPalette,
    },
  ];
};
