// The build context: checks the folder and its Dockerfile (with specific messages), decides which files go to
// the engine with the context's `.dockerignore` (@balena/dockerignore, the matcher dockerode itself uses, so
// patterns and `!` exceptions mean what they mean to docker), and packs exactly those with tar-fs.
//
// Why not dockerode's own `buildImage({ context, src })`: it filters `src` with the same library, but only
// the entries listed there; whatever tar-fs finds inside a listed folder goes through a filter called with
// absolute paths, which no relative pattern matches. Listing every file would work, but a `.dockerignore`
// that names the Dockerfile would then drop it, where docker sends the Dockerfile and `.dockerignore` anyway.
import { lstat, readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import dockerIgnore from '@balena/dockerignore';
import { BerthError } from '../../shared/errors';

/** tar-fs (a dockerode dependency) has no typings: the one function used here, typed. */
const { pack } = createRequire(import.meta.url)('tar-fs') as {
  pack(cwd: string, options: { umask?: number; ignore?: (name: string) => boolean }): Readable;
};

export interface BuildContext {
  folder: string;
  /** The Dockerfile's path inside the context, with forward slashes (what the engine's `dockerfile` takes). */
  dockerfile: string;
  /** Files sent and their total size (what `docker build` calls the build context). */
  files: number;
  bytes: number;
  /** Files left out by `.dockerignore`. */
  ignored: number;
  /** A fresh tar stream of the kept entries; call once per build. */
  tar(): Readable;
}

const toPosix = (path: string) => path.split(sep).join('/');

async function checkFolder(folder: string): Promise<void> {
  if (!isAbsolute(folder))
    throw new BerthError('INVALID_PAYLOAD', `The build context must be an absolute folder path; got "${folder}".`);
  const info = await stat(folder).catch(() => null);
  if (!info) throw new BerthError('NOT_FOUND', `The build context folder ${folder} does not exist.`);
  if (!info.isDirectory()) throw new BerthError('INVALID_PAYLOAD', `The build context ${folder} is not a folder.`);
}

async function checkDockerfile(folder: string, dockerfile: string): Promise<string> {
  const inside = normalize(dockerfile);
  if (isAbsolute(inside) || inside === '..' || inside.startsWith(`..${sep}`))
    throw new BerthError(
      'INVALID_PAYLOAD',
      `The Dockerfile must be a path inside the build context (like Dockerfile or docker/app.Dockerfile); got "${dockerfile}".`,
    );
  const info = await stat(join(folder, inside)).catch(() => null);
  if (!info || !info.isFile())
    throw new BerthError(
      'NOT_FOUND',
      `There is no ${toPosix(inside)} in ${folder}: choose the folder that holds the Dockerfile, or name the Dockerfile's path inside it.`,
    );
  return toPosix(inside);
}

interface Walked {
  kept: Set<string>;
  files: number;
  bytes: number;
  ignored: number;
}

/** Every path under the folder, relative with forward slashes; a folder is kept when it is not ignored or
 * holds something kept (a `!` exception inside an ignored folder). */
async function walk(folder: string, ignores: (path: string) => boolean, always: Set<string>): Promise<Walked> {
  const result: Walked = { kept: new Set(), files: 0, bytes: 0, ignored: 0 };
  const visit = async (dir: string): Promise<boolean> => {
    let keptAny = false;
    for (const entry of await readdir(join(folder, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        const inner = await visit(path);
        if (inner || !ignores(path)) {
          result.kept.add(path);
          keptAny = true;
        }
        continue;
      }
      if (entry.isSocket()) continue;
      if (ignores(path) && !always.has(path)) {
        result.ignored += 1;
        continue;
      }
      result.kept.add(path);
      result.files += 1;
      result.bytes += entry.isFile() ? (await lstat(join(folder, path))).size : 0;
      keptAny = true;
    }
    return keptAny;
  };
  await visit('');
  return result;
}

async function readIgnoreFile(folder: string): Promise<string | null> {
  try {
    return await readFile(join(folder, '.dockerignore'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BerthError('INVALID_PAYLOAD', `Cannot read ${join(folder, '.dockerignore')}: ${String(error)}`);
  }
}

export async function prepareContext(folder: string, dockerfileOption: string | undefined): Promise<BuildContext> {
  await checkFolder(folder);
  const dockerfile = await checkDockerfile(folder, dockerfileOption ?? 'Dockerfile');
  const rules = await readIgnoreFile(folder);
  // Same options as dockerode's own use: patterns are case-sensitive, as in docker.
  const matcher = rules === null ? null : dockerIgnore({ ignorecase: false }).add(rules);
  const ignores = (path: string) => matcher?.ignores(path) ?? false;
  let walked: Walked;
  try {
    walked = await walk(folder, ignores, new Set([dockerfile, '.dockerignore']));
  } catch (error) {
    throw new BerthError('INVALID_PAYLOAD', `Cannot read the build context ${folder}: ${String(error)}`);
  }
  return {
    folder,
    dockerfile,
    files: walked.files,
    bytes: walked.bytes,
    ignored: walked.ignored,
    // umask 0: modes go as they are on disk, as the docker CLI sends them.
    tar: () => pack(folder, { umask: 0, ignore: (name) => !walked.kept.has(toPosix(relative(folder, name))) }),
  };
}
