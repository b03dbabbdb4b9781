// The Images page: the pull box and the transfers it starts at the top, then the local images (tags, short
// id, size, age, how many containers use them) with Run, Inspect, History, Tag, Push and Remove per row,
// Build… for an image from a folder, and Prune for the unused ones. The list refreshes on the engine's image
// events.
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import type { ImageSummary } from '@shared/image-types';
import { DataTable } from '../../components/data-table';
import { EngineAwayNotice } from '../../components/engine-away-notice';
import { ErrorAlert } from '../../components/error-alert';
import { FilterField } from '../../components/filter-field';
import { Page } from '../../components/page';
import { QueryError } from '../../components/query-error';
import { useChannelQuery } from '../../data/channel-query';
import { formatBytes } from '../../format/bytes';
import { relativeTimeTickMs, useNow } from '../../lib/use-now';
import { matchesWords, shortId } from '../../model/text-filter';
import { TransfersPanel } from '../../transfers/transfers-panel';
import { BuildDialog } from './build/build-dialog';
import { HistoryDialog } from './history-dialog';
import { imageColumns } from './image-columns';
import { imageName } from './image-model';
import { InspectDialog } from './inspect-dialog';
import { PruneImagesDialog } from './prune-dialog';
import { PullBox } from './pull-box';
import { RemoveImageDialog } from './remove-image-dialog';
import { TagDialog } from './tag-dialog';
import { useImageActions } from './use-image-actions';

const filterFields = (image: ImageSummary) => [...image.repoTags, shortId(image.id)];

export function ImagesPage() {
  // Image events keep this list fresh; the engine's container counts change without them, hence no Infinity.
  const query = useChannelQuery('images:list', {});
  // `?q=` comes from the command palette's "Image …" commands.
  const asked = useSearchParams()[0].get('q');
  const [filter, setFilter] = useState(asked ?? '');
  const [seen, setSeen] = useState(asked);
  if (asked !== seen) {
    setSeen(asked);
    if (asked !== null) setFilter(asked);
  }
  const [pruning, setPruning] = useState(false);
  const [building, setBuilding] = useState(false);
  const actions = useImageActions();
  const now = useNow(relativeTimeTickMs);
  const { act } = actions;
  const columns = useMemo(() => imageColumns(now, act), [now, act]);
  const all = useMemo(() => query.data ?? [], [query.data]);
  const shown = useMemo(() => all.filter((image) => matchesWords(filterFields(image), filter)), [all, filter]);
  const open = actions.open;

  return (
    <Page
      title="Images"
      fill
      subtitle={query.data ? summary(all, shown.length) : undefined}
      toolbar={
        <>
          <FilterField label="Filter images" placeholder="Repository, tag or id" value={filter} onChange={setFilter} />
          <Button className="button button-secondary" onPress={() => setBuilding(true)}>
            Build…
          </Button>
          <Button className="button button-secondary" onPress={() => setPruning(true)}>
            Prune…
          </Button>
        </>
      }
    >
      <PullBox />
      <TransfersPanel />
      {actions.error && (
        <ErrorAlert title={actions.error.title} message={actions.error.message} onDismiss={actions.dismissError} />
      )}
      {query.error && <QueryError what="images" error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <EngineAwayNotice what="images" updatedAt={query.dataUpdatedAt} />}
      <DataTable<ImageSummary>
        label="Images"
        columns={columns}
        items={shown}
        getId={(image) => image.id}
        getTextValue={imageName}
        defaultSort={{ column: 'name', direction: 'ascending' }}
        emptyState={
          <strong>
            {query.isPending
              ? 'Loading images…'
              : query.isError
                ? 'Images could not be loaded.'
                : all.length === 0
                  ? 'No images yet: pull one above.'
                  : 'No images match'}
          </strong>
        }
      />
      {open?.kind === 'inspect' && <InspectDialog image={open.image} onClose={actions.close} />}
      {open?.kind === 'history' && <HistoryDialog image={open.image} onClose={actions.close} />}
      {open?.kind === 'tag' && <TagDialog image={open.image} onClose={actions.close} />}
      {open?.kind === 'remove' && <RemoveImageDialog image={open.image} onClose={actions.close} />}
      <PruneImagesDialog isOpen={pruning} onClose={() => setPruning(false)} />
      {building && <BuildDialog onClose={() => setBuilding(false)} />}
    </Page>
  );
}

function summary(all: readonly ImageSummary[], shown: number): string {
  const total = all.reduce((sum, image) => sum + image.sizeBytes, 0);
  const counted = `${all.length} ${all.length === 1 ? 'image' : 'images'} · ${formatBytes(total)}`;
  return shown === all.length ? counted : `${shown} shown of ${counted}`;
}
