// The Networks table's columns: name (predefined ones marked), id, driver, scope, subnets, internal, and the
// row's Inspect and Remove buttons named after the network.
import { Button } from 'react-aria-components';
import type { NetworkSummary } from '@shared/engine-types';
import type { TableColumn } from '../../components/data-table';
import { IconButton } from '../../components/icon-button';
import { shortId } from '../../model/text-filter';

/** Networks every engine creates itself; the engine refuses to remove them. */
export const isPredefined = (network: Pick<NetworkSummary, 'name'>) =>
  network.name === 'bridge' || network.name === 'host' || network.name === 'none';

export interface NetworkRowActions {
  inspect(network: NetworkSummary): void;
  remove(network: NetworkSummary): void;
}

export function networkColumns(actions: NetworkRowActions): TableColumn<NetworkSummary>[] {
  return [
    {
      id: 'name',
      name: 'Name',
      isRowHeader: true,
      width: '2fr',
      minWidth: 160,
      sortValue: (n) => n.name,
      render: (n) => (
        <span className="name-with-badge">
          <span className="truncate">{n.name}</span>
          {isPredefined(n) && <span className="badge badge-created">built in</span>}
        </span>
      ),
    },
    {
      id: 'id',
      name: 'Network ID',
      width: 130,
      sortValue: (n) => n.id,
      render: (n) => <span className="mono">{shortId(n.id)}</span>,
    },
    { id: 'driver', name: 'Driver', width: 100, sortValue: (n) => n.driver, render: (n) => n.driver },
    { id: 'scope', name: 'Scope', width: 90, sortValue: (n) => n.scope, render: (n) => n.scope },
    {
      id: 'subnets',
      name: 'Subnets',
      width: '1.5fr',
      minWidth: 130,
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
      width: 90,
      sortValue: (n) => (n.internal ? 1 : 0),
      render: (n) => (n.internal ? 'Yes' : 'No'),
    },
    {
      id: 'actions',
      name: 'Actions',
      hideName: true,
      width: 150,
      minWidth: 150,
      render: (n) => (
        <div className="row-actions">
          <Button
            className="button button-quiet button-small"
            aria-label={`Inspect ${n.name}`}
            onPress={() => actions.inspect(n)}
          >
            Inspect
          </Button>
          <IconButton
            label={`Remove ${n.name}`}
            tooltip="Remove"
            icon="remove"
            tone="danger"
            onPress={() => actions.remove(n)}
          />
        </div>
      ),
    },
  ];
}
