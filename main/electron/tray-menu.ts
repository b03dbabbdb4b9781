// What the tray (menu bar on macOS) offers, from what Berth knows: the active engine's state with start or
// stop, the running containers with open, restart and stop, the transfers under way, Open Berth and Quit.
// Pure (type-only Electron import): tray-controller.ts builds the menu from it, a test checks it.
import type { MenuItemConstructorOptions } from 'electron';

export interface TrayFacts {
  /** The active engine; null while none is chosen. */
  engine: {
    name: string;
    state: 'running' | 'starting' | 'stopped';
    detail: string;
    canStart: boolean;
    canStop: boolean;
  } | null;
  running: Array<{ id: string; name: string }>;
  /** "Pulling 2 images · 45 %", or '' when nothing transfers. */
  transfers: string;
}

export interface TrayActions {
  openBerth(): void;
  openContainer(id: string): void;
  restartContainer(id: string): void;
  stopContainer(id: string): void;
  startEngine(): void;
  stopEngine(): void;
  quit(): void;
}

/** Containers listed by name beyond which the menu says how many more (menus do not scroll well). */
export const trayContainerLimit = 15;

export function trayTooltip(facts: TrayFacts): string {
  if (!facts.engine) return 'Berth: no engine chosen';
  const containers = facts.running.length === 1 ? '1 container running' : `${facts.running.length} containers running`;
  const base = `Berth: ${facts.engine.name} ${facts.engine.state}${facts.engine.state === 'running' ? ` · ${containers}` : ''}`;
  return facts.transfers ? `${base} · ${facts.transfers}` : base;
}

export function trayMenuTemplate(facts: TrayFacts, actions: TrayActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const { engine } = facts;
  if (!engine) items.push({ label: 'No engine chosen', enabled: false });
  else {
    items.push({ label: `${engine.name}: ${engine.state}`, enabled: false });
    if (engine.detail) items.push({ label: engine.detail, enabled: false });
    if (engine.canStart && engine.state === 'stopped')
      items.push({ label: 'Start Engine', click: actions.startEngine });
    if (engine.canStop && engine.state !== 'stopped') items.push({ label: 'Stop Engine', click: actions.stopEngine });
  }
  if (engine?.state === 'running') {
    items.push({ type: 'separator' });
    if (facts.running.length === 0) items.push({ label: 'No containers running', enabled: false });
    for (const container of facts.running.slice(0, trayContainerLimit))
      items.push({
        label: container.name,
        submenu: [
          { label: 'Open', click: () => actions.openContainer(container.id) },
          { label: 'Restart', click: () => actions.restartContainer(container.id) },
          { label: 'Stop', click: () => actions.stopContainer(container.id) },
        ],
      });
    const more = facts.running.length - trayContainerLimit;
    if (more > 0) items.push({ label: `${more} more running: open Berth`, click: actions.openBerth });
  }
  if (facts.transfers) items.push({ type: 'separator' }, { label: facts.transfers, enabled: false });
  items.push(
    { type: 'separator' },
    { label: 'Open Berth', click: actions.openBerth },
    { label: 'Quit Berth', click: actions.quit },
  );
  return items;
}
