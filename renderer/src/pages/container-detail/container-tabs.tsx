// The tabs of a container's page, in order. The selected one is in the address (`?tab=logs`), so a link, the
// command palette or the back button can open a container at a given tab.
import type { ReactNode } from 'react';
import type { ContainerSummary } from '@shared/container-types';
import { ContainerInfoTab } from './container-info-tab';
import { FilesTab } from './files/files-tab';
import { LogsTab } from './logs/logs-tab';
import { InspectTab } from './inspect/inspect-tab';
import { IsolationTab } from './isolation/isolation-tab';
import { StatsTab } from './stats-tab';
import { TerminalTab } from './terminal-tab';

export interface ContainerTabProps {
  container: ContainerSummary;
  /** The container was removed while the page was open; its last known facts are shown. */
  gone: boolean;
}

export interface ContainerTab {
  id: ContainerTabId;
  label: string;
  render(props: ContainerTabProps): ReactNode;
}

/** Every tab's id, including those other parts of the UI link to. */
export type ContainerTabId = 'stats' | 'logs' | 'terminal' | 'files' | 'isolation' | 'inspect' | 'info';

export const containerTabs: ContainerTab[] = [
  { id: 'stats', label: 'Stats', render: (props) => <StatsTab {...props} /> },
  { id: 'logs', label: 'Logs', render: (props) => <LogsTab {...props} /> },
  { id: 'terminal', label: 'Terminal', render: (props) => <TerminalTab {...props} /> },
  { id: 'files', label: 'Files', render: (props) => <FilesTab {...props} /> },
  { id: 'isolation', label: 'Isolation', render: (props) => <IsolationTab {...props} /> },
  { id: 'inspect', label: 'Inspect', render: (props) => <InspectTab {...props} /> },
  { id: 'info', label: 'Info', render: ({ container }) => <ContainerInfoTab container={container} /> },
];

export const defaultContainerTab: ContainerTabId = 'stats';

/** The address of a container's page at a tab. */
export function containerTabPath(ref: string, tab: ContainerTabId = defaultContainerTab): string {
  return tab === defaultContainerTab
    ? `/containers/${encodeURIComponent(ref)}`
    : `/containers/${encodeURIComponent(ref)}?tab=${tab}`;
}
