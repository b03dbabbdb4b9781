// What the engine says about one path without sending it: HEAD /containers/{id}/archive answers with the
// X-Docker-Container-Path-Stat header (base64 JSON of name, size, mode as Go's os.FileMode, mtime, linkTarget).
import type { IncomingMessage } from 'node:http';
import type Dockerode from 'dockerode';

export type PathKind = 'dir' | 'symlink' | 'file' | 'other';

export interface PathStat {
  kind: PathKind;
  size: number;
  linkTarget: string | null;
}

/** Go's os.FileMode type bits, which sit above the permission bits (ModeDir is 1 << 31). */
const goModeDir = 2 ** 31;
const goModeSymlink = 2 ** 27;
/** Named pipe, socket, device, char device, irregular: anything not a plain file. */
const goModeOtherTypes = [2 ** 25, 2 ** 24, 2 ** 26, 2 ** 21, 2 ** 19];

const hasBit = (mode: number, bit: number) => Math.floor(mode / bit) % 2 === 1;

export function kindOfGoMode(mode: number): PathKind {
  if (hasBit(mode, goModeDir)) return 'dir';
  if (hasBit(mode, goModeSymlink)) return 'symlink';
  return goModeOtherTypes.some((bit) => hasBit(mode, bit)) ? 'other' : 'file';
}

export function parsePathStat(header: string | string[] | undefined): PathStat | null {
  if (typeof header !== 'string' || header === '') return null;
  const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {
    size?: number;
    mode?: number;
    linkTarget?: string;
  };
  return {
    kind: kindOfGoMode(stat.mode ?? 0),
    size: stat.size ?? 0,
    linkTarget: stat.linkTarget || null,
  };
}

/** The path's stat, or null when the container has no such path (the engine's 404). */
export async function statPath(container: Dockerode.Container, path: string): Promise<PathStat | null> {
  let response: IncomingMessage;
  try {
    response = (await container.infoArchive({ path })) as IncomingMessage;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
  // A HEAD response has no body, but it still has to be read to its end to free its connection.
  response.resume();
  response.destroy();
  return parsePathStat(response.headers['x-docker-container-path-stat']);
}
