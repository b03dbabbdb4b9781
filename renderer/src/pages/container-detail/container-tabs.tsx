// Each tab's content, loaded the first time it is shown: the charts (recharts) and the terminal (xterm.js) are
// most of the renderer's code, and a page that shows logs needs neither. The list itself is container-tab-list.ts.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { ContainerSummary } from '@shared/container-types';
import { importWithRetry } from '../../lib/import-with-retry';
import { containerTabList, type ContainerTabId, type ContainerTabInfo } from './container-tab-list';

export interface ContainerTabProps {
  container: ContainerSummary;
  /** The container was removed while the page was open; its last known facts are shown. */
  gone: boolean;
}

export interface ContainerTab extends ContainerTabInfo {
  render(props: ContainerTabProps): ReactNode;
}

/** A tab's component, loaded on its first showing (and tried again if the fetch fails). */
function lazyTab(load: () => Promise<ComponentType<ContainerTabProps>>) {
  return lazy(async () => ({ default: await importWithRetry(load) }));
}

const content: Partial<Record<ContainerTabId, ComponentType<ContainerTabProps>>> = {
  stats: lazyTab(async () => (await import('./stats-tab')).StatsTab),
  logs: lazyTab(async () => (await import('./logs/logs-tab')).LogsTab),
  terminal: lazyTab(async () => (await import('./terminal-tab')).TerminalTab),
  files: lazyTab(async () => (await import('./files/files-tab')).FilesTab),
  isolation: lazyTab(async () => (await import('./isolation/isolation-tab')).IsolationTab),
  inspect: lazyTab(async () => (await import('./inspect/inspect-tab')).InspectTab),
  info: lazyTab(async () => {
    const { ContainerInfoTab } = await import('./container-info-tab');
    return ({ container }: ContainerTabProps) => <ContainerInfoTab container={container} />;
  }),
};

const loading = <p className="muted">Loading…</p>;

export const containerTabs: ContainerTab[] = containerTabList.flatMap((tab) => {
  const Content = content[tab.id];
  return Content
    ? [
        {
          ...tab,
          render: (props: ContainerTabProps) => (
            <Suspense fallback={loading}>
              <Content {...props} />
            </Suspense>
          ),
        },
      ]
    : [];
});
