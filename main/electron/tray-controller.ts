// Berth's tray (menu bar) icon: the active engine's state in its image and tooltip, and the menu of
// tray-menu.ts, rebuilt (at most twice a second) when the engine, the containers or a transfer change. Its
// actions go through the core's router like the window's requests, validated the same way.
import { Menu, Tray, app, nativeImage, nativeTheme, type NativeImage } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../core/create-core';
import type { Channel, RequestOf, ResponseOf } from '../shared/contract';
import { trayFacts } from './tray-facts';
import { trayMenuTemplate, trayTooltip, type TrayActions, type TrayFacts } from './tray-menu';

const trayClient = { id: 'tray' };
const refreshEvents = new Set(['engine:status', 'engines:changed', 'containers:changed', 'transfers:progress']);

/** Packaged: resources/tray (electron-builder's extraResources); from the repository: assets/tray. */
function trayImageDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'tray')
    : fileURLToPath(new URL('../../assets/tray', import.meta.url));
}

function trayImage(running: boolean): NativeImage {
  const dim = running ? '' : '-stopped';
  // macOS tints a "Template" image for the menu bar itself; elsewhere pick the glyph that shows on the panel.
  const name =
    process.platform === 'darwin'
      ? `tray${running ? '' : 'Stopped'}Template`
      : `tray${dim}-${nativeTheme.shouldUseDarkColors ? 'dark' : 'light'}`;
  return nativeImage.createFromPath(join(trayImageDir(), `${name}.png`));
}

export function attachTray(core: Core, actions: Pick<TrayActions, 'openBerth' | 'openContainer' | 'quit'>): () => void {
  const tray = new Tray(trayImage(false));
  let timer: NodeJS.Timeout | null = null;
  let disposed = false;

  const call = async <C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C> | null> => {
    const reply = await core.router.handle(channel, payload, trayClient);
    if (reply.ok) return reply.data as ResponseOf<C>;
    core.log.warn(`[tray] ${channel} failed: ${reply.error.message}`);
    return null;
  };

  const show = (facts: TrayFacts) => {
    if (disposed) return;
    const engineId = () => core.engines.views().find((engine) => engine.active)?.id;
    tray.setImage(trayImage(facts.engine?.state === 'running'));
    tray.setToolTip(trayTooltip(facts));
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate(facts, {
          ...actions,
          restartContainer: (id) => void call('containers:restart', { id }),
          stopContainer: (id) => void call('containers:stop', { id }),
          startEngine: () => {
            const id = engineId();
            if (id) void call('engines:start', { id });
          },
          stopEngine: () => {
            const id = engineId();
            if (id) void call('engines:stop', { id });
          },
        }),
      ),
    );
  };

  const refresh = async () => {
    timer = null;
    const engines = core.engines.views();
    const connected = core.connection.status.state === 'connected';
    const containers = connected ? ((await call('containers:list', { all: false })) ?? []) : [];
    const transfers = (await call('transfers:list', {})) ?? [];
    show(trayFacts(engines, containers, transfers));
  };
  const later = () => {
    timer ??= setTimeout(() => void refresh(), 500);
  };

  const unsubscribe = core.hub.subscribe((event) => {
    if (refreshEvents.has(event)) later();
  });
  nativeTheme.on('updated', later);
  tray.on('click', () => process.platform !== 'darwin' && actions.openBerth());
  void refresh();

  return () => {
    disposed = true;
    unsubscribe();
    nativeTheme.off('updated', later);
    if (timer) clearTimeout(timer);
    tray.destroy();
  };
}
