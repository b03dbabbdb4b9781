// Which containers use each volume, from one container list (each container's mounts), and the refusal to
// remove a volume in use said with those containers' names.
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import type { VolumeUser } from '../../shared/volume-types';
import { containerName } from '../containers/container-summary';
import { engineMessage } from '../connection/engine-errors';

export function usersByVolume(containers: readonly Dockerode.ContainerInfo[]): Map<string, VolumeUser[]> {
  const users = new Map<string, VolumeUser[]>();
  for (const container of containers) {
    for (const mount of container.Mounts ?? []) {
      if (mount.Type !== 'volume' || !mount.Name) continue;
      const list = users.get(mount.Name) ?? [];
      list.push({
        id: container.Id,
        name: containerName(container.Names, container.Id),
        state: container.State ?? '',
        destination: mount.Destination ?? '',
      });
      users.set(mount.Name, list);
    }
  }
  for (const list of users.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return users;
}

/** The engine's "volume is in use" refusal, with who uses it and what to do (force does not help). */
export function inUseRefusal(name: string, error: unknown, users: readonly VolumeUser[]): BerthError {
  const who = users.length
    ? ` It is used by ${users.map((user) => `${user.name} (${user.state || 'unknown state'})`).join(', ')}.`
    : '';
  return new BerthError(
    'CONFLICT',
    `The engine refused to remove the volume ${name}: ${engineMessage(error)}.${who} Remove those containers first (stopping them is not enough; force does not override this).`,
  );
}
