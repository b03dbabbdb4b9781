// The actions the palette and the keyboard offer on a container, one entry each: which states offer it (the
// same rules as the rows and the container page, from model/container-actions), its key on the container's
// page, whether it asks first, and the channel it calls.
import type { ContainerSummary } from '@shared/container-types';
import type { BerthClient } from '../ipc/berth-client';
import { actionLabels, isAllowed, type ContainerAction } from '../model/container-actions';
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

export const containerActions: readonly ContainerActionSpec[] = [
  {
    id: 'start',
    verb: actionLabels.start,
    key: 's',
    offeredFor: offeredBy('start'),
    run: (client, container) => client.invoke('containers:start', { id: container.id }),
  },
  {
    id: 'stop',
    verb: actionLabels.stop,
    key: 's',
    offeredFor: offeredBy('stop'),
    run: (client, container) => client.invoke('containers:stop', { id: container.id }),
  },
  {
    id: 'restart',
    verb: actionLabels.restart,
    key: 'r',
    offeredFor: offeredBy('restart'),
    run: (client, container) => client.invoke('containers:restart', { id: container.id }),
  },
  {
    id: 'pause',
    verb: actionLabels.pause,
    keywords: ['freeze', 'suspend'],
    key: 'p',
    offeredFor: offeredBy('pause'),
    run: (client, container) => client.invoke('containers:pause', { id: container.id }),
  },
  {
    id: 'unpause',
    verb: actionLabels.unpause,
    keywords: ['unpause', 'thaw'],
    key: 'p',
    offeredFor: offeredBy('unpause'),
    run: (client, container) => client.invoke('containers:unpause', { id: container.id }),
  },
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
      body: isStopped(container)
        ? 'The container and its writable layer are deleted. Its image and named volumes stay.'
        : 'It is running: it is stopped first, then the container and its writable layer are deleted. Its image and named volumes stay.',
      confirmLabel: 'Remove',
    }),
    // A running container cannot be removed without force; the question said it will be stopped.
    run: (client, container) => client.invoke('containers:remove', { id: container.id, force: !isStopped(container) }),
  },
];
