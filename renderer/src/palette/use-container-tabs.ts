// The container page's tabs for the palette: names and addresses only (container-tab-list.ts), so the palette
// does not pull in any tab's code.
import { containerTabList, containerTabPath, type ContainerTabId } from '../pages/container-detail/container-tab-list';
import type { TabInfo } from './command-types';

export interface ContainerTabsInfo {
  tabs: readonly TabInfo[];
  tabPath(ref: string, tab: string): string;
}

const info: ContainerTabsInfo = {
  tabs: containerTabList,
  tabPath: (ref, tab) => containerTabPath(ref, tab as ContainerTabId),
};

export function useContainerTabs(): ContainerTabsInfo {
  return info;
}
