// The Networks page: each network's driver, scope, subnets and whether it is internal (no outside access).
import type { NetworkSummary } from '@shared/engine-types';
import type { TableColumn } from '../../components/data-table';
import { shortId } from '../../model/text-filter';
import { ResourceListPage } from '../../components/resource-list-page';

const columns: TableColumn<NetworkSummary>[] = [
  {
    id: 'name',
    name: 'Name',
    isRowHeader: true,
    width: '2fr',
    minWidth: 160,
    sortValue: (n) => n.name,
    render: (n) => n.name,
  },
  {
    id: 'id',
    name: 'Network ID',
    width: 140,
    sortValue: (n) => n.id,
    render: (n) => <span className="mono">{shortId(n.id)}</span>,
  },
  { id: 'driver', name: 'Driver', width: 110, sortValue: (n) => n.driver, render: (n) => n.driver },
  { id: 'scope', name: 'Scope', width: 100, sortValue: (n) => n.scope, render: (n) => n.scope },
  {
    id: 'subnets',
    name: 'Subnets',
    width: '1.5fr',
    minWidth: 140,
    render: (n) =>
      n.subnets.length ? (
        <span className="mono truncate" title={n.subnets.join(', ')}>
          {n.subnets.join(', ')}
        </span>
      ) : (
        <span className="muted">—</span>
      ),
  },
  {
    id: 'internal',
    name: 'Internal',
    width: 100,
    sortValue: (n) => (n.internal ? 1 : 0),
    render: (n) => (n.internal ? 'Yes' : 'No'),
  },
];

const filterFields = (network: NetworkSummary) => [
  network.name,
  shortId(network.id),
  network.driver,
  ...network.subnets,
];

export function NetworksPage() {
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
    />
  );
}
