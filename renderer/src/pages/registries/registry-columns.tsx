// The Registries table's columns: the registry, where its credentials live, the stored user, any problem
// reading them, and Log in again / Log out.
import { Button } from 'react-aria-components';
import type { KnownRegistry } from '@shared/registry-types';
import type { TableColumn } from '../../components/data-table';
import { credentialsText } from './registry-model';

export interface RegistryRowActions {
  onLogin: (registry: KnownRegistry) => void;
  onLogout: (registry: KnownRegistry) => void;
}

export function registryColumns(actions: RegistryRowActions): TableColumn<KnownRegistry>[] {
  return [
    {
      id: 'registry',
      name: 'Registry',
      isRowHeader: true,
      width: '1.5fr',
      minWidth: 180,
      sortValue: (r) => r.registry,
      render: (r) => <span className="mono truncate">{r.registry}</span>,
    },
    {
      id: 'credentials',
      name: 'Credentials',
      width: '1.2fr',
      sortValue: credentialsText,
      render: (r) => <span className="truncate">{credentialsText(r)}</span>,
    },
    {
      id: 'user',
      name: 'User',
      width: '1fr',
      sortValue: (r) => r.username ?? '',
      render: (r) => (r.username ? <span className="truncate">{r.username}</span> : <span className="muted">—</span>),
    },
    {
      id: 'problem',
      name: 'Problem',
      width: '1.5fr',
      render: (r) =>
        r.problem ? (
          <span className="registry-problem truncate" title={r.problem}>
            {r.problem}
          </span>
        ) : (
          <span className="muted">None</span>
        ),
    },
    {
      id: 'actions',
      name: 'Actions',
      hideName: true,
      width: 190,
      minWidth: 190,
      render: (r) => (
        <div className="row-actions">
          <Button
            className="button button-small"
            aria-label={`Log in to ${r.registry}`}
            onPress={() => actions.onLogin(r)}
          >
            Log in
          </Button>
          {r.source !== 'none' && (
            <Button
              className="button button-small button-danger-quiet"
              aria-label={`Log out of ${r.registry}`}
              onPress={() => actions.onLogout(r)}
            >
              Log out
            </Button>
          )}
        </div>
      ),
    },
  ];
}
