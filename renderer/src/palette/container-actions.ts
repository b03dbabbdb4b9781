// The actions the palette and the keyboard offer on a container, one entry each: which states offer it (the
// same rules as the rows and the container page, from model/container-actions), its key on the container's
// page, whether it asks first, and the channel it calls.
import type { ContainerSummary } from '@shared/container-types';
import type { BerthClient } from '../ipc/berth-client';
import { actionLabels, isAllowed, removeConsequence, type ContainerAction } from '../model/container-actions';
import { isStopped } from '../model/container-filter';

export interface ContainerActionSpec {
  id: ContainerAction;
  /** "Start": the command reads "Start web-1". */
  verb: string;
  /** Other words it is found by ("unpause" finds Resume). */
  keywords?: readonly string[];
  /** Its key on the container's page; two actions may share one when no state offers both (start/stop). */
  key?: string;
  offeredFor(container: ContainerSummary): boolean;
  /** Asked before it runs (destructive): the question's title and what happens. */
  confirm?: (container: ContainerSummary) => { title: string; body: string; confirmLabel: string };
  run(client: BerthClient, container: ContainerSummary): Promise<unknown>;
}

const offeredBy =
  (action: ContainerAction) =>
  (container: ContainerSummary): boolean =>
    isAllowed(container.state, action);

type PlainAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause';

/** An action that needs only the container's id and asks nothing first. */
function plain(id: PlainAction, key: string, keywords?: readonly string[]): ContainerActionSpec {
  return {
    id,
    verb: actionLabels[id],
    keywords,
    key,
    offeredFor: offeredBy(id),
    run: (client, container) => client.invoke(`containers:${id}`, { id: container.id }),
  };
}

export const containerActions: readonly ContainerActionSpec[] = [
  plain('start', 's'),
  plain('stop', 's'),
  plain('restart', 'r'),
  plain('pause', 'p', ['freeze', 'suspend']),
  plain('unpause', 'p', ['unpause', 'thaw']),
  {
    // No single key: a stray press would end a process without warning. The row's menu offers other signals.
    id: 'kill',
    verb: actionLabels.kill,
    keywords: ['sigkill', 'signal'],
    offeredFor: offeredBy('kill'),
    confirm: (container) => ({
      title: `Kill ${container.name}?`,
      body: 'SIGKILL ends its processes at once: they get no chance to finish writes or clean up.',
      confirmLabel: 'Kill',
    }),
    run: (client, container) => client.invoke('containers:kill', { id: container.id, signal: 'SIGKILL' }),
  },
  {
    id: 'remove',
    verb: 'Remove',
    key: 'x',
    offeredFor: offeredBy('remove'),
    confirm: (container) => ({
      title: `Remove ${container.name}?`,
      body: removeConsequence(!isStopped(container)),
      confirmLabel: 'Remove',
    }),
    // A running container cannot be removed without force; the question said it will be stopped.
    run: (client, container) => client.invoke('containers:remove', { id: container.id, force: !isStopped(container) }),
  },
];
