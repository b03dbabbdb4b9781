// The actions the palette and the keyboard offer on a container, one entry each: which states offer it, its
// key on the container's page, whether it asks first, and the channel it calls. Restart, pause and kill join
// this list as one entry each once their channels exist.
import type { ContainerSummary } from '@shared/container-types';
import type { BerthClient } from '../ipc/berth-client';
import { isStopped } from '../model/container-filter';

export interface ContainerActionSpec {
  id: string;
  /** "Start": the command reads "Start web-1". */
  verb: string;
  /** Its key on the container's page; two actions may share one when no state offers both (start/stop). */
  key?: string;
  offeredFor(container: ContainerSummary): boolean;
  /** Asked before it runs (destructive): the question's title and what happens. */
  confirm?: (container: ContainerSummary) => { title: string; body: string; confirmLabel: string };
  run(client: BerthClient, container: ContainerSummary): Promise<unknown>;
}

export const containerActions: readonly ContainerActionSpec[] = [
  {
    id: 'start',
    verb: 'Start',
    key: 's',
    offeredFor: (container) => isStopped(container),
    run: (client, container) => client.invoke('containers:start', { id: container.id }),
  },
  {
    id: 'stop',
    verb: 'Stop',
    key: 's',
    offeredFor: (container) => !isStopped(container),
    run: (client, container) => client.invoke('containers:stop', { id: container.id }),
  },
  {
    id: 'remove',
    verb: 'Remove',
    key: 'x',
    offeredFor: () => true,
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
