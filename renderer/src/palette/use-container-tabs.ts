// The container page's tabs for the palette. container-tabs.tsx comes with the container page's chunk (its
// charts are most of the bundle), so it is loaded when the browser is idle, not at start-up.
import { useEffect, useState } from 'react';
import type { TabInfo } from './command-types';

type TabsModule = typeof import('../pages/container-detail/container-tabs');

let loaded: TabsModule | null = null;
let loading: Promise<TabsModule> | null = null;

function load(): Promise<TabsModule> {
  loading ??= import('../pages/container-detail/container-tabs').then((module) => (loaded = module));
  return loading;
}

export interface ContainerTabsInfo {
  tabs: readonly TabInfo[];
  tabPath(ref: string, tab: string): string;
}

const fallbackPath = (ref: string, tab: string) => `/containers/${encodeURIComponent(ref)}?tab=${tab}`;

function infoFrom(module: TabsModule | null): ContainerTabsInfo {
  if (!module) return { tabs: [], tabPath: fallbackPath };
  return {
    tabs: module.containerTabs.map((tab) => ({ id: tab.id, label: tab.label })),
    tabPath: (ref, tab) => module.containerTabPath(ref, tab as Parameters<TabsModule['containerTabPath']>[1]),
  };
}

export function useContainerTabs(): ContainerTabsInfo {
  const [info, setInfo] = useState(() => infoFrom(loaded));
  useEffect(() => {
    if (loaded) return;
    let live = true;
    const start = () =>
      void load().then(
        (module) => live && setInfo(infoFrom(module)),
        (error: unknown) => console.warn('[palette] could not load the container tabs', error),
      );
    const idle = window.requestIdleCallback?.(start, { timeout: 3000 }) ?? window.setTimeout(start, 1500);
    return () => {
      live = false;
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, []);
  return info;
}
