// Gathers what the providers need (the route, containers, images, the container tabs) and runs them. Images
// are asked for only while the palette is open, so start-up does not pay for them.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useMatch, useNavigate } from 'react-router';
import type { ContainerSummary } from '@shared/container-types';
import { useBerthClient } from '../data/client-context';
import { channelKey, containersListRequest, useChannelQuery } from '../data/channel-query';
import type { PaletteCommand, PaletteContext } from './command-types';
import { commandProviders } from './providers/all-providers';
import { useContainerTabs } from './use-container-tabs';

/** The container a page address names: its full id, its name, or a unique id prefix. */
export function findContainer(containers: readonly ContainerSummary[], ref: string): ContainerSummary | null {
  return (
    containers.find((container) => container.id === ref || container.name === ref) ??
    (ref.length >= 4 ? (containers.find((container) => container.id.startsWith(ref)) ?? null) : null)
  );
}

export interface PaletteActions {
  act(actionId: string, container: ContainerSummary): void;
  openPalette(): void;
  openHelp(): void;
}

export function usePaletteCommands(isOpen: boolean, actions: PaletteActions): PaletteCommand[] {
  const client = useBerthClient();
  const navigate = useNavigate();
  const match = useMatch('/containers/:id');
  const containers = useChannelQuery('containers:list', containersListRequest);
  const images = useQuery({
    queryKey: channelKey('images:list', {}),
    queryFn: () => client.invoke('images:list', {}),
    enabled: isOpen,
  });
  const { tabs, tabPath } = useContainerTabs();
  const ref = match?.params.id ?? null;
  const { act, openPalette, openHelp } = actions;

  return useMemo(() => {
    const list = containers.data ?? [];
    const context: PaletteContext = {
      navigate: (path) => void navigate(path),
      containers: list,
      images: images.data ?? [],
      current: ref ? findContainer(list, ref) : null,
      tabs,
      tabPath,
      act,
      openPalette,
      openHelp,
    };
    return commandProviders.flatMap((provider) => provider(context));
  }, [containers.data, images.data, ref, tabs, tabPath, navigate, act, openPalette, openHelp]);
}
