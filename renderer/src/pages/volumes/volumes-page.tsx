// The Volumes page: named and anonymous volumes with the containers using each, their size (measured by the
// engine, asked for apart since it is slower), driver, mount point and age; Create and Prune; per row Details
// and Remove, and Remove on the selected rows. A volume in use is refused with the containers named.
import { useMemo, useState } from 'react';
import { Button, type Selection } from 'react-aria-components';
import type { VolumeItem } from '@shared/volume-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ResourceListPage } from '../../components/resource-list-page';
import { useChannelQuery } from '../../data/channel-query';
import { relativeTimeTickMs, useNow } from '../../lib/use-now';
import { CreateVolumeDialog } from './create-volume-dialog';
import { PruneVolumesDialog } from './prune-volumes-dialog';
import { useVolumeRemoval } from './use-volume-removal';
import { volumeColumns } from './volume-columns';
import { VolumeDetailDialog } from './volume-detail-dialog';
import { volumeLabel } from './volume-label';
import { VolumeRemovalNotice } from './volume-removal-notice';
import '../../styles/container-actions.css';
import '../../styles/detail-dialog.css';

const filterFields = (volume: VolumeItem) => [
  volume.name,
  volume.driver,
  volume.mountpoint,
  ...volume.usedBy.map((user) => user.name),
];

export function VolumesPage() {
  const now = useNow(relativeTimeTickMs);
  const list = useChannelQuery('volumes:list', {});
  const sizes = useChannelQuery('volumes:sizes', {});
  const [dialog, setDialog] = useState<'create' | 'prune' | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [removing, setRemoving] = useState<readonly string[]>([]);
  const [selectedKeys, setSelectedKeys] = useState<Selection>(new Set());
  const removal = useVolumeRemoval();
  const sizeMap = sizes.data?.sizes ?? null;
  const columns = useMemo(
    () =>
      volumeColumns(
        { nowMs: now, sizes: sizeMap, sizesPending: sizes.isPending },
        { open: (volume) => setOpened(volume.name), remove: (volume) => setRemoving([volume.name]) },
      ),
    [now, sizeMap, sizes.isPending],
  );
  // Only volumes still listed count: one removed meanwhile is not acted on unseen.
  const all = list.data ?? [];
  const selected = selectedKeys === 'all' ? all : all.filter((volume) => selectedKeys.has(volume.name));
  const count = removing.length;

  return (
    <ResourceListPage
      channel="volumes:list"
      title="Volumes"
      noun="volumes"
      singular="volume"
      placeholder="Name, driver, mount point or container"
      columns={columns}
      getId={(volume) => volume.name}
      getTextValue={(volume) => volume.name}
      filterFields={filterFields}
      defaultSort={{ column: 'name', direction: 'ascending' }}
      dependencies={[sizeMap, sizes.isPending]}
      selection={{ selectedKeys, onSelectionChange: setSelectedKeys }}
      actions={
        <>
          <Button className="button button-secondary" onPress={() => setDialog('prune')}>
            Prune…
          </Button>
          <Button className="button" onPress={() => setDialog('create')}>
            Create volume
          </Button>
        </>
      }
      notices={
        <>
          {removal.outcome && <VolumeRemovalNotice outcome={removal.outcome} onDismiss={removal.dismiss} />}
          {sizes.error && (
            <p className="muted" role="status">
              Sizes could not be measured: {sizes.error.message}
            </p>
          )}
          {selected.length > 0 && (
            <div role="toolbar" aria-label="Actions on the selected volumes" className="bulk-action-bar">
              <span className="bulk-action-count">{selected.length} selected</span>
              <Button
                className="button button-danger button-small"
                isDisabled={removal.pending}
                isPending={removal.pending}
                onPress={() => setRemoving(selected.map((volume) => volume.name))}
              >
                Remove…
              </Button>
            </div>
          )}
        </>
      }
    >
      {dialog === 'create' && <CreateVolumeDialog onClose={() => setDialog(null)} />}
      {dialog === 'prune' && <PruneVolumesDialog onClose={() => setDialog(null)} />}
      {opened && <VolumeDetailDialog name={opened} onClose={() => setOpened(null)} />}
      <ConfirmDialog
        isOpen={count > 0}
        title={count === 1 ? `Remove ${volumeLabel(removing[0]!)}?` : `Remove ${count} volumes?`}
        confirmLabel={count === 1 ? 'Remove' : `Remove ${count}`}
        onCancel={() => setRemoving([])}
        onConfirm={() => {
          const names = removing;
          setRemoving([]);
          void removal.remove(names).then((result) => {
            // The removed ones leave the selection; the refused ones stay selected, as they still are listed.
            if (result.removed.length) setSelectedKeys(new Set(result.refused.map((each) => each.name)));
          });
        }}
      >
        {count > 1 && <p>{removing.map(volumeLabel).join(', ')}</p>}
        <p>
          {count === 1 ? 'Its data is deleted.' : 'Their data is deleted.'} The engine refuses a volume a container
          uses, running or stopped: such a volume is kept, and the containers using it are named.
        </p>
      </ConfirmDialog>
    </ResourceListPage>
  );
}
