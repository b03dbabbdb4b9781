// User and group names of a container, read from its own /etc/passwd and /etc/group through the archive API
// (so a stopped container works too), kept a short while per container: a listing names many owners.
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { walkArchive } from './archive-walk';

export interface OwnerNames {
  users: Map<number, string>;
  groups: Map<number, string>;
}

/** Long enough for browsing folder after folder, short enough that a user added since shows up soon. */
const KEEP_MS = 30_000;
/** Bounded: the entries of containers no longer browsed go first. */
const MAX_CONTAINERS = 50;
/** A passwd or group file is small; anything bigger is not read (numbers are shown instead). */
const MAX_FILE_BYTES = 1024 * 1024;

/** `name:x:uid:gid:…` (passwd) or `name:x:gid:members` (group): the name of each id, the first line winning. */
export function parseIdFile(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [name, , id] = line.split(':');
    const number = Number(id);
    if (name && id !== undefined && id !== '' && Number.isInteger(number) && !names.has(number))
      names.set(number, name);
  }
  return names;
}

async function readSmallFile(container: Dockerode.Container, path: string): Promise<string> {
  let response: Readable;
  try {
    response = (await container.getArchive({ path })) as Readable;
  } catch (error) {
    // No such file (a scratch image without /etc/passwd): the ids stay numbers.
    if ((error as { statusCode?: number }).statusCode === 404) return '';
    throw error;
  }
  let text = '';
  await walkArchive(
    response,
    {
      entry: (header) => (header.type === 'file' && (header.size ?? 0) <= MAX_FILE_BYTES ? 'read' : 'stop'),
      body: (_header, data) => {
        text = data.toString('utf8');
        return false;
      },
    },
    { maxBytes: MAX_FILE_BYTES * 2, maxEntries: 2, maxMs: 5_000 },
  );
  return text;
}

export class OwnerNamesCache {
  private readonly cache = new Map<string, { names: Promise<OwnerNames>; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  names(containerId: string, container: Dockerode.Container): Promise<OwnerNames> {
    const kept = this.cache.get(containerId);
    if (kept && this.now() - kept.at < KEEP_MS) return kept.names;
    const names = Promise.all([readSmallFile(container, '/etc/passwd'), readSmallFile(container, '/etc/group')]).then(
      ([passwd, group]) => ({ users: parseIdFile(passwd), groups: parseIdFile(group) }),
    );
    // A failed read is not kept: the next listing tries again.
    names.catch(() => this.cache.delete(containerId));
    this.cache.delete(containerId);
    this.cache.set(containerId, { names, at: this.now() });
    if (this.cache.size > MAX_CONTAINERS) this.cache.delete(this.cache.keys().next().value as string);
    return names;
  }
}
