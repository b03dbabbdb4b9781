// Which lifecycle actions a container's state allows, and their words; the row, the container page, the bulk
// bar and the command palette all offer actions from here so they never disagree.
import type { BulkAction } from '@shared/container-action-types';
import type { ContainerState } from '@shared/container-types';

export type ContainerAction = BulkAction | 'rename';

const byState: Record<ContainerState, readonly ContainerAction[]> = {
  running: ['stop', 'restart', 'pause', 'kill'],
  paused: ['unpause', 'stop', 'kill'],
  restarting: ['stop', 'kill'],
  removing: [],
  created: ['start'],
  exited: ['start', 'restart'],
  dead: [],
};

/** The actions `state` allows, rename and remove always last (a removing container allows none). */
export function allowedActions(state: ContainerState): ContainerAction[] {
  if (state === 'removing') return [];
  return [...byState[state], 'rename', 'remove'];
}

export function isAllowed(state: ContainerState, action: ContainerAction): boolean {
  return allowedActions(state).includes(action);
}

export const actionLabels: Record<ContainerAction, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  pause: 'Pause',
  unpause: 'Resume',
  kill: 'Kill',
  rename: 'Rename…',
  remove: 'Remove…',
};

/** For messages: "Could not <verb> web-1". */
export const actionVerbs: Record<ContainerAction, string> = {
  start: 'start',
  stop: 'stop',
  restart: 'restart',
  pause: 'pause',
  unpause: 'resume',
  kill: 'kill',
  rename: 'rename',
  remove: 'remove',
};

/** What removing one container does, for every question that asks first (row, page, palette). */
export function removeConsequence(running: boolean): string {
  const deleted = 'The container and its writable layer are deleted; its image and named volumes are kept.';
  return running ? `It is running: it is stopped first. ${deleted}` : deleted;
}
