// The Images page: local images with their tags, short id, size, age and how many containers use them.
import { useMemo } from 'react';
import type { ImageSummary } from '../../../main/shared/engine-types';
import type { TableColumn } from '../components/data-table';
import { RelativeTime } from '../components/relative-time';
import { formatBytes } from '../format/bytes';
import { relativeTimeTickMs, useNow } from '../lib/use-now';
import { shortId } from '../model/text-filter';
import { ResourceListPage } from './resource-list-page';

function imageName(image: ImageSummary): string {
  return image.repoTags[0] ?? '<none>';
}

function columns(nowMs: number): TableColumn<ImageSummary>[] {
  return [
    {
      id: 'name',
      name: 'Repository:tag',
      isRowHeader: true,
      width: '2.5fr',
      minWidth: 200,
      sortValue: imageName,
      render: (image) => (
        <span className="truncate" title={image.repoTags.join('\n') || 'Dangling image (no tag)'}>
          {image.repoTags.length === 0 ? <span className="muted">&lt;none&gt;</span> : imageName(image)}
          {image.repoTags.length > 1 && <span className="muted"> +{image.repoTags.length - 1} more</span>}
        </span>
      ),
    },
    { id: 'id', name: 'Image ID', width: 140, sortValue: (i) => i.id, render: (i) => <span className="mono">{shortId(i.id)}</span> },
    { id: 'size', name: 'Size', width: 110, sortValue: (i) => i.sizeBytes, render: (i) => <span className="numeric">{formatBytes(i.sizeBytes)}</span> },
    { id: 'created', name: 'Created', width: 140, sortValue: (i) => i.created, render: (i) => <RelativeTime epochMs={i.created * 1000} nowMs={nowMs} /> },
    {
      id: 'containers',
      name: 'Containers',
      width: 110,
      sortValue: (i) => i.containers,
      render: (i) => <span className="numeric">{i.containers < 0 ? '—' : i.containers}</span>,
    },
  ];
}

const filterFields = (image: ImageSummary) => [...image.repoTags, shortId(image.id)];

export function ImagesPage() {
  const now = useNow(relativeTimeTickMs);
  const tableColumns = useMemo(() => columns(now), [now]);
  return (
    <ResourceListPage
      channel="images:list"
      title="Images"
      noun="images"
      singular="image"
      placeholder="Repository, tag or id"
      columns={tableColumns}
      getId={(image) => image.id}
      getTextValue={imageName}
      filterFields={filterFields}
      defaultSort={{ column: 'name', direction: 'ascending' }}
    />
  );
}
