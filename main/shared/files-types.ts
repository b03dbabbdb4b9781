// What the Files tab shows of a container's filesystem: a folder's direct entries as the engine's archive
// describes them, a downloaded file or folder, and the result of an upload.

export type FileKind = 'file' | 'dir' | 'symlink' | 'other';

export interface FileEntry {
  name: string;
  kind: FileKind;
  /** Bytes for a regular file; 0 for the rest (the archive carries no size for folders). */
  size: number;
  /** As `ls -l` prints it, e.g. `drwxr-xr-x`. */
  mode: string;
  /** The permission bits in octal, e.g. `0755` (setuid, setgid and sticky included when set). */
  modeOctal: string;
  uid: number;
  gid: number;
  /** The name from the container's /etc/passwd, or the number as text when it has none. */
  owner: string;
  /** The name from the container's /etc/group, or the number as text when it has none. */
  group: string;
  /** Milliseconds since the epoch. */
  mtimeMs: number;
  /** Where a symbolic link points, as stored (relative or absolute); null for the rest. */
  linkTarget: string | null;
}

export interface FolderListing {
  /** The folder listed, normalised (`/etc`, `/`). */
  path: string;
  entries: FileEntry[];
  /**
   * The engine sends a folder as a tar of its whole tree; a big tree (like `/`) is read only up to a cap, so
   * the entries after it are missing.
   */
  truncated: boolean;
}

export interface FileDownload {
  /** The file's own name, or `<folder>.tar` for a folder. */
  name: string;
  kind: 'file' | 'folder';
  /** The bytes, base64: the transports carry text frames. */
  base64: string;
  bytes: number;
}

export interface FileUploadResult {
  folder: string;
  files: { name: string; bytes: number }[];
}
