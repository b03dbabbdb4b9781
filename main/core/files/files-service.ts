// Browses a container's filesystem, running or stopped, through the engine's archive API: a folder's direct
// entries (from the tar headers of the folder's archive), a file's bytes or a folder's tar, and uploads of small
// files packed into a tar. Everything crosses IPC as JSON, so sizes are capped before anything big is read.
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { DOWNLOAD_BYTES_LIMIT } from '../../shared/channels/files-channels';
import { baseName } from '../../shared/container-path';
import { BerthError } from '../../shared/errors';
import type { FileDownload, FileEntry, FileUploadResult, FolderListing } from '../../shared/files-types';
import type { EngineLink } from '../connection/engine-link';
import { engineCause, noSuchPath, uploadRefusal } from './archive-errors';
import { statPath, type PathStat } from './archive-stat';
import { readAllCapped, walkArchive, type WalkLimits } from './archive-walk';
import { kindOfTarType, modeOctal, modeString } from './file-mode';
import { OwnerNamesCache } from './owner-names';
import { tar, type TarHeader } from './tar';

/** A folder like `/` streams the whole root filesystem: read this much of it at most. */
export const LIST_LIMITS: WalkLimits = { maxBytes: 256 * 1024 * 1024, maxEntries: 200_000, maxMs: 4_000 };
/** Entries a listing gives at most: about 220 bytes of JSON each, so one reply stays near 1 MiB. */
export const MAX_LISTED = 5_000;

export interface FilesServiceOptions {
  connection: EngineLink;
  /** Tests shorten the listing caps to see a truncated listing. */
  listLimits?: WalkLimits;
}

interface Target {
  container: Dockerode.Container;
  id: string;
  name: string;
}

/** An entry's name relative to the listed folder: `./bin/sh` → `bin/sh`; the folder itself is ''. */
function relativeName(name: string): string {
  return name.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
}

function tooLarge(what: string, bytes: number | null, path: string, container: string): BerthError {
  const size = bytes === null ? 'over 4 MiB' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return new BerthError(
    'TOO_LARGE',
    `${what} ${path} is ${size}; Berth downloads at most 4 MiB. Copy it with \`docker cp ${container}:${path} .\` instead.`,
  );
}

export class FilesService {
  private readonly owners = new OwnerNamesCache();
  private readonly listLimits: WalkLimits;

  constructor(private readonly options: FilesServiceOptions) {
    this.listLimits = options.listLimits ?? LIST_LIMITS;
  }

  async list(ref: string, path: string): Promise<FolderListing> {
    const target = await this.target(ref);
    const stat = await this.stat(target, path);
    if (stat.kind !== 'dir' && stat.kind !== 'symlink')
      throw new BerthError('CONFLICT', `${path} in ${target.name} is a file, not a folder: download it instead.`);
    const names = this.owners.names(target.id, target.container);
    // `/.` asks for the folder's content; it also follows a link to a folder, which `path` alone would not.
    const response = await this.folderArchive(target, path, stat);
    const headers: TarHeader[] = [];
    let full = false;
    const walk = await walkArchive(
      response,
      {
        entry: (header) => {
          const name = relativeName(header.name);
          if (name === '' || name === '.' || name.includes('/')) return 'skip';
          if (headers.length >= MAX_LISTED) {
            full = true;
            return 'stop';
          }
          headers.push({ ...header, name });
          return 'skip';
        },
      },
      this.listLimits,
    );
    const truncated = walk.truncated || full;
    const { users, groups } = await names;
    const entries = headers.map((header): FileEntry => {
      const uid = header.uid ?? 0;
      const gid = header.gid ?? 0;
      const mode = header.mode ?? 0;
      const kind = kindOfTarType(header.type);
      return {
        name: header.name,
        kind,
        size: kind === 'file' ? (header.size ?? 0) : 0,
        mode: modeString(header.type, mode),
        modeOctal: modeOctal(mode),
        uid,
        gid,
        owner: users.get(uid) ?? header.uname ?? String(uid),
        group: groups.get(gid) ?? header.gname ?? String(gid),
        mtimeMs: header.mtime?.getTime() ?? 0,
        linkTarget: header.linkname || null,
      };
    });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    return { path, entries, truncated };
  }

  async download(ref: string, path: string): Promise<FileDownload> {
    const target = await this.target(ref);
    const stat = await this.stat(target, path);
    if (stat.kind === 'dir') {
      const response = (await target.container.getArchive({ path })) as Readable;
      const data = await readAllCapped(response, DOWNLOAD_BYTES_LIMIT, () =>
        tooLarge('The folder', null, path, target.name),
      );
      const name = path === '/' ? `${target.name}.tar` : `${baseName(path)}.tar`;
      return { name, kind: 'folder', base64: data.toString('base64'), bytes: data.length };
    }
    if (stat.kind === 'symlink')
      throw new BerthError(
        'CONFLICT',
        `${path} in ${target.name} is a link to ${stat.linkTarget ?? 'another path'}: download what it points to.`,
      );
    if (stat.kind !== 'file')
      throw new BerthError(
        'CONFLICT',
        `${path} in ${target.name} is not a regular file, so it has no content to download.`,
      );
    if (stat.size > DOWNLOAD_BYTES_LIMIT) throw tooLarge('The file', stat.size, path, target.name);
    const data = await this.readFile(target, path);
    return { name: baseName(path), kind: 'file', base64: data.toString('base64'), bytes: data.length };
  }

  async upload(
    ref: string,
    folder: string,
    files: { name: string; base64: string; mode?: number }[],
  ): Promise<FileUploadResult> {
    const target = await this.target(ref);
    const stat = await this.stat(target, folder);
    if (stat.kind !== 'dir' && stat.kind !== 'symlink')
      throw new BerthError('CONFLICT', `${folder} in ${target.name} is a file, not a folder: upload into a folder.`);
    const contents = files.map((file) => ({ ...file, data: Buffer.from(file.base64, 'base64') }));
    const archive = await packFiles(contents);
    try {
      await target.container.putArchive(archive, { path: folder });
    } catch (error) {
      throw uploadRefusal(error, folder, target.name);
    }
    return { folder, files: contents.map((file) => ({ name: file.name, bytes: file.data.length })) };
  }

  /** The container as the engine knows it: an unknown one fails here with the engine's 404 (NOT_FOUND). */
  private async target(ref: string): Promise<Target> {
    const container = this.options.connection.client().getContainer(ref);
    const info = await container.inspect();
    return { container, id: info.Id, name: info.Name.replace(/^\//, '') || ref };
  }

  private async stat(target: Target, path: string): Promise<PathStat> {
    const stat = await statPath(target.container, path);
    if (!stat) throw noSuchPath(path, target.name);
    return stat;
  }

  /** The archive of a folder's content; a link that leads to a file is refused as a file would be. */
  private async folderArchive(target: Target, path: string, stat: PathStat): Promise<Readable> {
    try {
      return (await target.container.getArchive({ path: `${path === '/' ? '' : path}/.` })) as Readable;
    } catch (error) {
      if (stat.kind === 'symlink' && /not a directory/i.test(engineCause(error)))
        throw new BerthError(
          'CONFLICT',
          `${path} in ${target.name} is a link to ${stat.linkTarget ?? 'a file'}, which is not a folder: download it instead.`,
        );
      throw error;
    }
  }

  private async readFile(target: Target, path: string): Promise<Buffer> {
    const response = (await target.container.getArchive({ path })) as Readable;
    let content: Buffer | null = null;
    const { truncated } = await walkArchive(
      response,
      {
        entry: (header) => (header.type === 'file' || header.type === 'contig-file' ? 'read' : 'stop'),
        body: (_header, data) => {
          content = data;
          return false;
        },
      },
      // The stat said it is at most 4 MiB; a little more for the tar's headers and padding.
      { maxBytes: DOWNLOAD_BYTES_LIMIT + 64 * 1024, maxEntries: 2, maxMs: 30_000 },
    );
    if (truncated)
      throw new BerthError(
        'ENGINE_ERROR',
        `The engine did not send all of ${path} (it may have grown past 4 MiB while being read); try again.`,
      );
    if (!content) throw new BerthError('ENGINE_ERROR', `The engine's archive of ${path} held no file.`);
    return content;
  }
}

/** A tar of the uploaded files, owned by root (the engine maps it into the container's user namespace). */
function packFiles(files: { name: string; data: Buffer; mode?: number }[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pack.on('data', (chunk: Buffer) => chunks.push(chunk));
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    pack.on('error', reject);
  });
  const mtime = new Date();
  for (const file of files)
    pack.entry({ name: file.name, size: file.data.length, mode: file.mode ?? 0o644, mtime, uid: 0, gid: 0 }, file.data);
  pack.finalize();
  return done;
}
