// The Volumes page: named and anonymous volumes with their driver, scope, mount point and age.
import { useMemo } from 'react';
import type { VolumeSummary } from '@shared/engine-types';
import type { TableColumn } from '../../components/data-table';
import { RelativeTime } from '../../components/relative-time';
import { relativeTimeTickMs, useNow } from '../../lib/use-now';
import { ResourceListPage } from '../../components/resource-list-page';

function columns(nowMs: number): TableColumn<VolumeSummary>[] {
  return [
    {
      id: 'name',
      name: 'Name',
      isRowHeader: true,
      width: '2fr',
      minWidth: 180,
      sortValue: (v) => v.name,
      render: (v) => (
        <span className="truncate" title={v.name}>
          {v.name}
        </span>
      ),
    },
    { id: 'driver', name: 'Driver', width: 110, sortValue: (v) => v.driver, render: (v) => v.driver },
    { id: 'scope', name: 'Scope', width: 100, sortValue: (v) => v.scope, render: (v) => v.scope },
    {
      id: 'mountpoint',
      name: 'Mount point',
      width: '2fr',
      minWidth: 180,
      render: (v) => (
        <span className="truncate mono muted" title={v.mountpoint}>
          {v.mountpoint}
        </span>
      ),
    },
    {
      id: 'created',
      name: 'Created',
      width: 140,
      sortValue: (v) => createdMs(v),
      render: (v) => <RelativeTime epochMs={createdMs(v)} nowMs={nowMs} />,
    },
  ];
}

function createdMs(volume: VolumeSummary): number {
  return volume.createdAt ? Date.parse(volume.createdAt) : Number.NaN;
}

const filterFields = (volume: VolumeSummary) => [volume.name, volume.driver, volume.mountpoint];

export function VolumesPage() {
  const now = useNow(relativeTimeTickMs);
  const tableColumns = useMemo(() => columns(now), [now]);
  return (
    <ResourceListPage
      channel="volumes:list"
      title="Volumes"
      noun="volumes"
      singular="volume"
      placeholder="Name, driver or mount point"
      columns={tableColumns}
      getId={(volume) => volume.name}
      getTextValue={(volume) => volume.name}
      filterFields={filterFields}
      defaultSort={{ column: 'name', direction: 'ascending' }}
    />
  );
}
