import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { trayContainerLimit, trayMenuTemplate, trayTooltip, type TrayFacts } from '../../../main/electron/tray-menu';

const engine = { name: 'berth', state: 'running' as const, detail: '', canStart: true, canStop: true };
const running = [
  { id: 'a1', name: 'api' },
  { id: 'w1', name: 'web' },
];

function menu(facts: TrayFacts) {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (id?: string): void =>
      void calls.push(id ? `${name} ${id}` : name);
  const items = trayMenuTemplate(facts, {
    openBerth: record('openBerth'),
    openContainer: record('openContainer'),
    restartContainer: record('restartContainer'),
    stopContainer: record('stopContainer'),
    startEngine: record('startEngine'),
    stopEngine: record('stopEngine'),
    quit: record('quit'),
  });
  const click = (label: string, within: MenuItemConstructorOptions[] = items) =>
    (within.find((item) => item.label === label)!.click as () => void)();
  return { items, calls, click, labels: items.map((item) => item.label ?? `(${item.type})`) };
}

describe('the tray menu', () => {
  it('shows a running engine with Stop, each running container with open, restart and stop, then Open and Quit', () => {
    const { items, labels, calls, click } = menu({ engine, running, transfers: '' });
    expect(labels).toEqual([
      'berth: running',
      'Stop Engine',
      '(separator)',
      'api',
      'web',
      '(separator)',
      'Open Berth',
      'Quit Berth',
    ]);
    const web = items.find((item) => item.label === 'web')!.submenu as MenuItemConstructorOptions[];
    click('Open', web);
    click('Restart', web);
    click('Stop', web);
    click('Stop Engine');
    click('Quit Berth');
    expect(calls).toEqual(['openContainer w1', 'restartContainer w1', 'stopContainer w1', 'stopEngine', 'quit']);
  });

  it('offers Start for a stopped engine, with why it stopped, and lists no containers', () => {
    const stopped = { ...engine, state: 'stopped' as const, detail: 'connect ENOENT /run/berth.sock' };
    const { labels } = menu({ engine: stopped, running: [], transfers: '' });
    expect(labels).toEqual([
      'berth: stopped',
      'connect ENOENT /run/berth.sock',
      'Start Engine',
      '(separator)',
      'Open Berth',
      'Quit Berth',
    ]);
  });

  it('shows transfers under way, and caps the container list with a way to see the rest', () => {
    const many = Array.from({ length: trayContainerLimit + 3 }, (_, index) => ({ id: `c${index}`, name: `c${index}` }));
    const { labels } = menu({ engine, running: many, transfers: 'Pulling 1 image · 40 %' });
    expect(labels).toContain('3 more running: open Berth');
    expect(labels).toContain('Pulling 1 image · 40 %');
    expect(labels.filter((label) => /^c\d+$/.test(label))).toHaveLength(trayContainerLimit);
  });

  it('says the state in its tooltip', () => {
    expect(trayTooltip({ engine, running, transfers: '' })).toBe('Berth: berth running · 2 containers running');
    expect(trayTooltip({ engine: null, running: [], transfers: '' })).toBe('Berth: no engine chosen');
  });
});
