// Commands for containers: the open container's tabs and actions with single-key shortcuts, and for every
// container its page, each of its tabs and the actions its state allows.
import type { ContainerSummary } from '@shared/container-types';
import { containerActions } from '../container-actions';
import type { CommandProvider, PaletteCommand, PaletteContext } from '../command-types';

/** Keys of the tabs on a container's page; a tab added later without one is still in the palette. */
export const tabKeys: Record<string, string> = {
  stats: 'm',
  logs: 'l',
  terminal: 't',
  files: 'f',
  isolation: 'o',
  inspect: 'i',
  info: 'n',
};

function commandsFor(context: PaletteContext, container: ContainerSummary, isCurrent: boolean): PaletteCommand[] {
  const name = container.name;
  const keywords = [name, container.id.slice(0, 12), container.image];
  const section = isCurrent ? 'This container' : 'Containers';
  const prefix = isCurrent ? 'current' : 'container';
  const commands: PaletteCommand[] = [];
  if (!isCurrent)
    commands.push({
      id: `${prefix}:${container.id}:open`,
      title: `Go to ${name}`,
      section,
      keywords: [...keywords, 'container'],
      boost: 10,
      run: () => context.navigate(`/containers/${encodeURIComponent(name)}`),
    });
  for (const tab of context.tabs) {
    const key = tabKeys[tab.id];
    commands.push({
      id: `${prefix}:${container.id}:tab:${tab.id}`,
      title: `${tab.label} of ${name}`,
      section,
      keywords: [...keywords, tab.id],
      shortcut: isCurrent && key ? [key] : undefined,
      run: () => context.navigate(context.tabPath(name, tab.id)),
    });
  }
  for (const action of containerActions) {
    if (!action.offeredFor(container)) continue;
    commands.push({
      id: `${prefix}:${container.id}:action:${action.id}`,
      title: `${action.verb} ${name}`,
      section,
      keywords: [...keywords, action.id, ...(action.keywords ?? [])],
      shortcut: isCurrent && action.key ? [action.key] : undefined,
      run: () => context.act(action.id, container),
    });
  }
  return commands;
}

/** The open container's tabs and actions, with their keys. */
export const currentContainerCommands: CommandProvider = (context) =>
  context.current ? commandsFor(context, context.current, true) : [];

/** Every other container: first its page (so "Go to" ranks before its tabs on ties), then tabs and actions. */
export const containerCommands: CommandProvider = (context) => {
  const others = context.containers.filter((container) => container.id !== context.current?.id);
  const each = others.map((container) => commandsFor(context, container, false));
  return [...each.map((commands) => commands[0]!), ...each.flatMap((commands) => commands.slice(1))];
};
