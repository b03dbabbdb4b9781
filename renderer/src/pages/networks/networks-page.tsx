// The Networks page: each network's driver, scope, subnets and whether it is internal (no outside access),
// with Create and Prune, and per row Inspect (attached containers, connect, disconnect) and Remove. The
// engine's refusals (a built-in network, one in use) show as they come, in plain words.
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { NetworkSummary } from '@shared/engine-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { ResourceListPage } from '../../components/resource-list-page';
import { useChannelMutation } from '../../data/channel-query';
import { shortId } from '../../model/text-filter';
import { CreateNetworkDialog } from './create-network-dialog';
import { networkColumns } from './network-columns';
import { NetworkInspectDialog } from './network-inspect-dialog';
import { PruneNetworksDialog } from './prune-networks-dialog';
import '../../styles/detail-dialog.css';
import '../../styles/networks.css';

const filterFields = (network: NetworkSummary) => [
  network.name,
  shortId(network.id),
  network.driver,
  ...network.subnets,
];

export function NetworksPage() {
  const [dialog, setDialog] = useState<'create' | 'prune' | null>(null);
  const [inspecting, setInspecting] = useState<NetworkSummary | null>(null);
  const [removing, setRemoving] = useState<NetworkSummary | null>(null);
  const remove = useChannelMutation(
    'networks:remove',
    (_, queries) => void queries.invalidateQueries({ queryKey: ['networks:list'] }),
  );
  // `reset` is stable, so the columns do not change with the mutation's state.
  const resetRemove = remove.reset;
  const columns = useMemo(
    () =>
      networkColumns({
        inspect: setInspecting,
        remove: (network) => {
          resetRemove();
          setRemoving(network);
        },
      }),
    [resetRemove],
  );

  return (
    <ResourceListPage
      channel="networks:list"
      title="Networks"
      noun="networks"
      singular="network"
      placeholder="Name, id, driver or subnet"
      columns={columns}
      getId={(network) => network.id}
      getTextValue={(network) => network.name}
      filterFields={filterFields}
      defaultSort={{ column: 'name', direction: 'ascending' }}
      actions={
        <>
          <Button className="button button-secondary" onPress={() => setDialog('prune')}>
            Prune…
          </Button>
          <Button className="button" onPress={() => setDialog('create')}>
            Create network
          </Button>
        </>
      }
      notices={
        remove.error && (
          <ErrorAlert
            title={`Could not remove ${remove.variables?.id ?? 'the network'}`}
            message={remove.error.message}
            onDismiss={() => remove.reset()}
          />
        )
      }
    >
      {dialog === 'create' && <CreateNetworkDialog onClose={() => setDialog(null)} />}
      {dialog === 'prune' && <PruneNetworksDialog onClose={() => setDialog(null)} />}
      {inspecting && (
        <NetworkInspectDialog id={inspecting.id} name={inspecting.name} onClose={() => setInspecting(null)} />
      )}
      <ConfirmDialog
        isOpen={removing !== null}
        title={`Remove ${removing?.name ?? ''}?`}
        confirmLabel="Remove"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate({ id: removing.name });
          setRemoving(null);
        }}
      >
        The network is deleted. The engine refuses while a container is connected to it.
      </ConfirmDialog>
    </ResourceListPage>
  );
}
