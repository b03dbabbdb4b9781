// Each tab's content, loaded the first time it is shown: the charts (recharts) and the terminal (xterm.js) are
// most of the renderer's code, and a page that shows logs needs neither. The list itself is container-tab-list.ts.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { ContainerSummary } from '@shared/container-types';
import { containerTabList, type ContainerTabId, type ContainerTabInfo } from './container-tab-list';

export interface ContainerTabProps {
  container: ContainerSummary;
  /** The container was removed while the page was open; its last known facts are shown. */
  gone: boolean;
}

export interface ContainerTab extends ContainerTabInfo {
  render(props: ContainerTabProps): ReactNode;
}

const content: Partial<Record<ContainerTabId, ComponentType<ContainerTabProps>>> = {
  stats: lazy(() => import('./stats-tab').then((module) => ({ default: module.StatsTab }))),
  logs: lazy(() => import('./logs/logs-tab').then((module) => ({ default: module.LogsTab }))),
  terminal: lazy(() => import('./terminal-tab').then((module) => ({ default: module.TerminalTab }))),
  files: lazy(() => import('./files/files-tab').then((module) => ({ default: module.FilesTab }))),
  isolation: lazy(() => import('./isolation/isolation-tab').then((module) => ({ default: module.IsolationTab }))),
  inspect: lazy(() => import('./inspect/inspect-tab').then((module) => ({ default: module.InspectTab }))),
  info: lazy(() =>
    import('./container-info-tab').then((module) => ({
      default: ({ container }: ContainerTabProps) => <module.ContainerInfoTab container={container} />,
    })),
  ),
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
