// File kinds and permission strings from a tar header, as `ls -l` prints them.
import type { FileKind } from '../../shared/files-types';

/** The tar entry type → what the Files tab shows; a hard link is a regular file with another name. */
export function kindOfTarType(type: string | undefined): FileKind {
  if (type === 'directory') return 'dir';
  if (type === 'symlink') return 'symlink';
  if (type === 'file' || type === 'link' || type === 'contig-file' || type === undefined) return 'file';
  return 'other';
}

const typeLetters: Record<string, string> = {
  directory: 'd',
  symlink: 'l',
  'character-device': 'c',
  'block-device': 'b',
  fifo: 'p',
};

/** `0o4755` as a directory → `drwsr-xr-x`: setuid, setgid and sticky shown in the execute places as `ls` does. */
export function modeString(type: string | undefined, mode: number): string {
  const letter = typeLetters[type ?? ''] ?? '-';
  const triple = (bits: number, special: boolean, specialLetter: string) => {
    const execute = (bits & 1) !== 0;
    const last = special ? (execute ? specialLetter : specialLetter.toUpperCase()) : execute ? 'x' : '-';
    return `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${last}`;
  };
  return (
    letter +
    triple((mode >> 6) & 7, (mode & 0o4000) !== 0, 's') +
    triple((mode >> 3) & 7, (mode & 0o2000) !== 0, 's') +
    triple(mode & 7, (mode & 0o1000) !== 0, 't')
  );
}

/** `0o755` → `0755`; `0o4755` → `4755`. */
export function modeOctal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}
