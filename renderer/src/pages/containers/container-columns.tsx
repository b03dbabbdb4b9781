// The columns of the containers table: name (with compose project and short id), image, state, the
// engine's status text, ports, age and the row's actions.
import type { ContainerSummary } from '../../../../main/shared/engine-types';
import type { TableColumn } from '../../components/data-table';
import { PortList } from '../../components/port-list';
import { RelativeTime } from '../../components/relative-time';
import { StateBadge } from '../../components/state-badge';
import { ContainerRowActions, type RowActionsProps } from './container-row-actions';

export function containerColumns(
  nowMs: number,
  actions: Omit<RowActionsProps, 'container' | 'pending'> & { pending: ReadonlyMap<string, RowActionsProps['pending']> },
): TableColumn<ContainerSummary>[] {
  return [
    {
      id: 'name',
      name: 'Name',
      isRowHeader: true,
      width: '1.5fr',
      minWidth: 160,
      sortValue: (c) => c.name,
      render: (c) => (
        <div className="cell-stack">
          <span className="cell-primary" title={c.name}>
            {c.composeProject && <span className="compose-prefix">{c.composeProject} / </span>}
            {c.name}
          </span>
          <span className="cell-secondary mono">{c.id.slice(0, 12)}</span>
        </div>
      ),
    },
    {
      id: 'image',
      name: 'Image',
      width: '1.3fr',
      minWidth: 120,
      sortValue: (c) => c.image,
      render: (c) => <span className="truncate" title={c.image}>{c.image}</span>,
    },
    { id: 'state', name: 'State', width: 104, sortValue: (c) => c.state, render: (c) => <StateBadge state={c.state} /> },
    {
      id: 'status',
      name: 'Status',
      width: '1.4fr',
      minWidth: 120,
      render: (c) => <span className="muted truncate" title={c.status}>{c.status}</span>,
    },
    { id: 'ports', name: 'Ports', width: '1.1fr', minWidth: 120, render: (c) => <PortList ports={c.ports} /> },
    {
      id: 'created',
      name: 'Created',
      width: 136,
      sortValue: (c) => c.created,
      render: (c) => <RelativeTime epochMs={c.created * 1000} nowMs={nowMs} />,
    },
    {
      id: 'actions',
      name: 'Actions',
      hideName: true,
      width: 88,
      minWidth: 88,
      render: (c) => (
        <ContainerRowActions
          container={c}
          pending={actions.pending.get(c.id)}
          onStart={actions.onStart}
          onStop={actions.onStop}
          onRemove={actions.onRemove}
        />
      ),
    },
  ];
}
