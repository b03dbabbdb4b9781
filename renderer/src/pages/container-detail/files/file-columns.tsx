// The Files tab's table columns: name with a kind marker (and where a link points), size, permissions,
// owner:group, modified, and a Download button on files.
import { Button } from 'react-aria-components';
import type { FileEntry } from '@shared/files-types';
import type { TableColumn } from '../../../components/data-table';
import { RelativeTime } from '../../../components/relative-time';
import { formatBytes } from '../../../format/bytes';

const markers: Record<FileEntry['kind'], { symbol: string; label: string }> = {
  dir: { symbol: '▸', label: 'Folder' },
  file: { symbol: '·', label: 'File' },
  symlink: { symbol: '↪', label: 'Link' },
  other: { symbol: '◇', label: 'Special file' },
};

/** Folders first, as file browsers list them. */
const kindOrder: Record<FileEntry['kind'], number> = { dir: 0, symlink: 1, file: 2, other: 3 };

export interface FileColumnsOptions {
  nowMs: number;
  onDownload: (entry: FileEntry) => void;
  /** The entry being downloaded, whose button waits. */
  downloading: string | null;
}

export function fileColumns({ nowMs, onDownload, downloading }: FileColumnsOptions): TableColumn<FileEntry>[] {
  return [
    {
      id: 'name',
      name: 'Name',
      isRowHeader: true,
      width: '3fr',
      minWidth: 200,
      sortValue: (entry) => `${kindOrder[entry.kind]}${entry.name}`,
      render: (entry) => (
        <span className="files-name" title={entry.linkTarget ? `${entry.name} → ${entry.linkTarget}` : entry.name}>
          <span className={`files-marker files-marker-${entry.kind}`} aria-hidden="true">
            {markers[entry.kind].symbol}
          </span>
          <span className="visually-hidden">{markers[entry.kind].label} </span>
          <span className="truncate mono">{entry.kind === 'dir' ? `${entry.name}/` : entry.name}</span>
          {entry.linkTarget && entry.kind === 'symlink' && (
            <span className="files-link-target truncate mono muted">→ {entry.linkTarget}</span>
          )}
        </span>
      ),
    },
    {
      id: 'size',
      name: 'Size',
      width: 100,
      sortValue: (entry) => entry.size,
      render: (entry) => (
        <span className="files-size">
          {entry.kind === 'file' ? formatBytes(entry.size) : <span className="muted">—</span>}
        </span>
      ),
    },
    {
      id: 'mode',
      name: 'Mode',
      width: 130,
      sortValue: (entry) => entry.mode,
      render: (entry) => (
        <span className="mono" title={`${entry.modeOctal} in octal`}>
          {entry.mode}
        </span>
      ),
    },
    {
      id: 'owner',
      name: 'Owner',
      width: 140,
      sortValue: (entry) => `${entry.owner}:${entry.group}`,
      render: (entry) => (
        <span className="truncate mono" title={`uid ${entry.uid}, gid ${entry.gid}`}>
          {entry.owner}:{entry.group}
        </span>
      ),
    },
    {
      id: 'modified',
      name: 'Modified',
      width: 140,
      sortValue: (entry) => entry.mtimeMs,
      render: (entry) => <RelativeTime epochMs={entry.mtimeMs} nowMs={nowMs} />,
    },
    {
      id: 'actions',
      name: 'Actions',
      hideName: true,
      width: 120,
      minWidth: 120,
      render: (entry) =>
        entry.kind === 'file' ? (
          <Button
            className="button button-quiet button-small"
            aria-label={`Download ${entry.name}`}
            isPending={downloading === entry.name}
            isDisabled={downloading !== null}
            onPress={() => onDownload(entry)}
          >
            Download
          </Button>
        ) : null,
    },
  ];
}
