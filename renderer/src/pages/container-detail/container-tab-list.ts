// The container page's tabs as names and addresses, without their code: the palette, links and the page use
// this list, and each tab's code loads when it is first shown (container-tabs.tsx), so neither xterm.js nor
// the charts are part of the first screen.

/** Every tab's id, including those other parts of the UI link to. */
export type ContainerTabId = 'stats' | 'logs' | 'terminal' | 'files' | 'isolation' | 'inspect' | 'info';

export interface ContainerTabInfo {
  id: ContainerTabId;
  label: string;
}

/** The tabs in the order the page shows them. */
export const containerTabList: readonly ContainerTabInfo[] = [
  { id: 'stats', label: 'Stats' },
  { id: 'logs', label: 'Logs' },
  { id: 'terminal', label: 'Terminal' },
  { id: 'files', label: 'Files' },
  { id: 'isolation', label: 'Isolation' },
  { id: 'inspect', label: 'Inspect' },
  { id: 'info', label: 'Info' },
];

export const defaultContainerTab: ContainerTabId = 'stats';

/** The address of a container's page at a tab. */
export function containerTabPath(ref: string, tab: ContainerTabId = defaultContainerTab): string {
  return tab === defaultContainerTab
    ? `/containers/${encodeURIComponent(ref)}`
    : `/containers/${encodeURIComponent(ref)}?tab=${tab}`;
}
