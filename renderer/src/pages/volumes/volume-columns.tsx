// The Volumes table's columns: name (anonymous ones shortened and marked), the containers using it (links to
// their pages), its size (asked for apart: `null` while it comes), driver, mount point, age, and the row's
// Details and Remove buttons named after the volume.
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import type { VolumeItem } from '@shared/volume-types';
import type { TableColumn } from '../../components/data-table';
import { IconButton } from '../../components/icon-button';
import { RelativeTime } from '../../components/relative-time';
import { formatBytes } from '../../format/bytes';
import { isAnonymousVolume, volumeLabel } from './volume-label';

export interface VolumeRowActions {
  open(volume: VolumeItem): void;
  remove(volume: VolumeItem): void;
}

export interface VolumeColumnsContext {
  nowMs: number;
  /** Bytes by volume name; null while the engine measures, or when it could not. */
  sizes: Record<string, number> | null;
  sizesPending: boolean;
}

export function createdMs(volume: Pick<VolumeItem, 'createdAt'>): number {
  return volume.createdAt ? Date.parse(volume.createdAt) : Number.NaN;
}

const dash = <span className="muted">—</span>;

export function UsedByLinks({ volume }: { volume: VolumeItem }) {
  if (volume.usedBy.length === 0) return dash;
  return (
    <span className="volume-users truncate">
      {volume.usedBy.map((user, index) => (
        <span key={user.id}>
          {index > 0 && ', '}
          <Link to={`/containers/${encodeURIComponent(user.name)}`}>{user.name}</Link>
        </span>
      ))}
    </span>
  );
}

function sizeCell(volume: VolumeItem, context: VolumeColumnsContext) {
  if (context.sizesPending) return <span className="muted">measuring…</span>;
  const size = context.sizes?.[volume.name];
  return size === undefined ? dash : formatBytes(size);
}

export function volumeColumns(context: VolumeColumnsContext, actions: VolumeRowActions): TableColumn<VolumeItem>[] {
  return [
    {
      id: 'name',
      name: 'Name',
      isRowHeader: true,
      width: '2fr',
      minWidth: 210,
      sortValue: (v) => v.name,
      render: (v) => (
        <span className="name-with-badge" title={v.name}>
          <span className="truncate">{volumeLabel(v.name)}</span>
          {isAnonymousVolume(v.name) && <span className="badge badge-created">anonymous</span>}
        </span>
      ),
    },
    {
      id: 'usedBy',
      name: 'Used by',
      width: '1.5fr',
      minWidth: 140,
      sortValue: (v) => v.usedBy.map((user) => user.name).join(','),
      render: (v) => <UsedByLinks volume={v} />,
    },
    {
      id: 'size',
      name: 'Size',
      width: 90,
      sortValue: (v) => context.sizes?.[v.name] ?? -1,
      render: (v) => sizeCell(v, context),
    },
    { id: 'driver', name: 'Driver', width: 80, sortValue: (v) => v.driver, render: (v) => v.driver },
    {
      id: 'mountpoint',
      name: 'Mount point',
      width: '1fr',
      minWidth: 120,
      render: (v) => (
        <span className="truncate mono muted" title={v.mountpoint}>
          {v.mountpoint}
        </span>
      ),
    },
    {
      id: 'created',
      name: 'Created',
      width: 130,
      sortValue: (v) => createdMs(v),
      render: (v) => <RelativeTime epochMs={createdMs(v)} nowMs={context.nowMs} />,
    },
    {
      id: 'actions',
      name: 'Actions',
      hideName: true,
      width: 140,
      minWidth: 140,
      render: (v) => (
        <div className="row-actions">
          <Button
            className="button button-quiet button-small"
            aria-label={`Details of ${v.name}`}
            onPress={() => actions.open(v)}
          >
            Details
          </Button>
          <IconButton
            label={`Remove ${v.name}`}
            tooltip="Remove"
            icon="remove"
            tone="danger"
            onPress={() => actions.remove(v)}
          />
        </div>
      ),
    },
  ];
}
