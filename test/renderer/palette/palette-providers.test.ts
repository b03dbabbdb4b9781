// The palette's providers: every page with a distinct `g` key, the open container's tabs and actions with their
// keys (only it has keys), actions offered by state, and images going to the filtered Images page.
import { describe, expect, it, vi } from 'vitest';
import type { ContainerSummary } from '../../../main/shared/container-types';
import type { PaletteContext } from '../../../renderer/src/palette/command-types';
import { commandProviders } from '../../../renderer/src/palette/providers/all-providers';
import { navigationKeys } from '../../../renderer/src/palette/providers/navigation-commands';
import type { BerthClient } from '../../../renderer/src/ipc/berth-client';
import { containerActions } from '../../../renderer/src/palette/container-actions';
import { containerRows } from '../../../renderer/src/palette/shortcuts-help';
import { navItems } from '../../../renderer/src/shell/nav-items';

function container(name: string, state: ContainerSummary['state']): ContainerSummary {
  return {
    id: `${name}-0123456789abcdef`,
    name,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sleep',
    state,
    status: '',
    created: 0,
    ports: [],
    composeProject: null,
  };
}

const web = container('web', 'running');
const db = container('db', 'exited');
const cache = container('cache', 'paused');
const tabs = [
  { id: 'stats', label: 'Stats' },
  { id: 'logs', label: 'Logs' },
  { id: 'info', label: 'Info' },
];

function context(current: ContainerSummary | null): PaletteContext {
  return {
    navigate: vi.fn(),
    containers: [web, db, cache],
    images: [{ id: 'sha256:abcdef0123456789', repoTags: ['nginx:1.27'], sizeBytes: 1, created: 0, containers: 0 }],
    current,
    tabs,
    tabPath: (ref, tab) => `/containers/${ref}?tab=${tab}`,
    act: vi.fn(),
    openPalette: vi.fn(),
    openHelp: vi.fn(),
  };
}

const all = (ctx: PaletteContext) => commandProviders.flatMap((provider) => provider(ctx));

describe('palette providers', () => {
  it('gives every page a distinct g key, including a page added later', () => {
    const keys = navigationKeys([...navItems, { path: '/compose', label: 'Compose' }]);
    expect(keys.get('/containers')).toBe('c');
    expect(keys.get('/compose')).toBe('o');
    expect(new Set(keys.values()).size).toBe(keys.size);
  });

  it('lists every page, container, container tab and image, with unique ids', () => {
    const commands = all(context(null));
    const titles = commands.map((c) => c.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Go to Networks', 'Go to web', 'Logs of db', 'Info of web', 'Image nginx:1.27']),
    );
    expect(new Set(commands.map((c) => c.id)).size).toBe(commands.length);
    // Away from a container's page, no container command has a key.
    expect(commands.filter((c) => c.section === 'Containers').every((c) => !c.shortcut)).toBe(true);
  });

  it("gives the open container's tabs and actions their keys, first in the list", () => {
    const ctx = context(web);
    const commands = all(ctx);
    expect(commands[0]!.section).toBe('This container');
    const logs = commands.find((c) => c.title === 'Logs of web')!;
    expect(logs.shortcut).toEqual(['l']);
    logs.run();
    expect(ctx.navigate).toHaveBeenCalledWith('/containers/web?tab=logs');
    expect(commands.find((c) => c.title === 'Stop web')?.shortcut).toEqual(['s']);
    expect(commands.find((c) => c.title === 'Logs of db')?.shortcut).toBeUndefined();
  });

  it('offers start for a stopped container and stop for a running one, and runs them through act', () => {
    const ctx = context(null);
    const titles = all(ctx).map((c) => c.title);
    expect(titles).toEqual(expect.arrayContaining(['Start db', 'Stop web', 'Remove db']));
    expect(titles).not.toContain('Stop db');
    expect(titles).not.toContain('Start web');
    all(ctx)
      .find((c) => c.title === 'Start db')!
      .run();
    expect(ctx.act).toHaveBeenCalledWith('start', db);
  });

  it('offers restart, pause, resume and kill by state, one entry each, as the rows do', () => {
    const titles = all(context(null)).map((c) => c.title);
    const actionsOf = (name: string) =>
      titles.filter((title) => title.endsWith(` ${name}`) && !title.startsWith('Go to') && !title.includes(' of '));
    expect(actionsOf('web')).toEqual(['Stop web', 'Restart web', 'Pause web', 'Kill web', 'Remove web']);
    expect(actionsOf('db')).toEqual(['Start db', 'Restart db', 'Remove db']);
    expect(actionsOf('cache')).toEqual(['Stop cache', 'Resume cache', 'Kill cache', 'Remove cache']);
  });

  it('finds Resume by "unpause", gives pause and resume one key, and runs kill through act (which asks first)', () => {
    const ctx = context(cache);
    const commands = all(ctx);
    const resume = commands.find((c) => c.title === 'Resume cache')!;
    expect(resume.keywords).toContain('unpause');
    expect(resume.shortcut).toEqual(['p']);
    expect(all(context(web)).find((c) => c.title === 'Pause web')?.shortcut).toEqual(['p']);
    const kill = commands.find((c) => c.title === 'Kill cache')!;
    // A stray key must not end a process: kill has none.
    expect(kill.shortcut).toBeUndefined();
    kill.run();
    expect(ctx.act).toHaveBeenCalledWith('kill', cache);
  });

  it('asks before a kill and sends SIGKILL; pause, resume and restart call their channels', async () => {
    const invoke = vi.fn().mockResolvedValue({ id: web.id });
    const client = { invoke } as unknown as BerthClient;
    const byId = (id: string) => containerActions.find((action) => action.id === id)!;
    expect(byId('kill').confirm?.(web).title).toBe('Kill web?');
    await byId('kill').run(client, web);
    expect(invoke).toHaveBeenLastCalledWith('containers:kill', { id: web.id, signal: 'SIGKILL' });
    for (const id of ['pause', 'unpause', 'restart']) {
      expect(byId(id).confirm).toBeUndefined();
      await byId(id).run(client, web);
      expect(invoke).toHaveBeenLastCalledWith(`containers:${id}`, { id: web.id });
    }
  });

  it('offers only remove for a dead container and nothing for one being removed', () => {
    const dead = container('gone', 'dead');
    const removing = container('leaving', 'removing');
    const ctx = { ...context(null), containers: [dead, removing] };
    const actions = all(ctx).filter((c) => c.id.includes(':action:'));
    expect(actions.map((c) => c.title)).toEqual(['Remove gone']);
  });

  it('sends an image to the Images page filtered to it', () => {
    const ctx = context(null);
    all(ctx)
      .find((c) => c.title === 'Image nginx:1.27')!
      .run();
    expect(ctx.navigate).toHaveBeenCalledWith('/images?q=nginx%3A1.27');
  });

  it('lists the container page keys for the help, start and stop on one row', () => {
    expect(containerRows(tabs).map((row) => `${row.what}=${row.shortcut.join('')}`)).toEqual([
      'Stats=m',
      'Logs=l',
      'Info=n',
      'Start or stop=s',
      'Restart=r',
      'Pause or resume=p',
      'Remove=x',
    ]);
  });
});
