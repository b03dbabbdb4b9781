// The Images table's columns: repository:tag (with how many more tags), short id, size, age, how many
// containers use it, and the row's actions.
import type { ImageSummary } from '@shared/image-types';
import type { TableColumn } from '../../components/data-table';
import { RelativeTime } from '../../components/relative-time';
import { formatBytes } from '../../format/bytes';
import { shortId } from '../../model/text-filter';
import { imageName, usageText } from './image-model';
import { ImageRowActions } from './image-row-actions';
import type { ImageAction } from './use-image-actions';

export function imageColumns(
  nowMs: number,
  onAction: (action: ImageAction, image: ImageSummary) => void,
): TableColumn<ImageSummary>[] {
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
    {
      id: 'id',
      name: 'Image ID',
      width: 130,
      sortValue: (i) => i.id,
      render: (i) => <span className="mono">{shortId(i.id)}</span>,
    },
    {
      id: 'size',
      name: 'Size',
      width: 100,
      sortValue: (i) => i.sizeBytes,
      render: (i) => <span className="numeric">{formatBytes(i.sizeBytes)}</span>,
    },
    {
      id: 'created',
      name: 'Created',
      width: 130,
      sortValue: (i) => i.created,
      render: (i) => <RelativeTime epochMs={i.created * 1000} nowMs={nowMs} />,
    },
    {
      id: 'containers',
      name: 'Used by',
      width: 190,
      sortValue: (i) => i.containers,
      render: (i) => (
        <span className={i.containers > 0 ? 'image-usage image-usage-used' : 'image-usage muted'}>
          {usageText(i.containers)}
        </span>
      ),
    },
    {
      id: 'actions',
      name: 'Actions',
      hideName: true,
      width: 176,
      minWidth: 176,
      render: (image) => <ImageRowActions image={image} onAction={onAction} />,
    },
  ];
}
