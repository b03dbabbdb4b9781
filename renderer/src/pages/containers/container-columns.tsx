// The columns of the containers table: name (linking to the container's page, with compose project and
// short id), image, state with the engine's status text under it, live CPU and memory, ports, age and the
// row's actions. Narrow windows drop the Created column so the live columns keep their room. The columns
// depend on nothing that changes by itself (the live cells read the stats, the clock and the pending actions
// themselves): a new set of columns re-renders every row.
import { Link } from 'react-router';
import type { ContainerSummary } from '@shared/container-types';
import type { TableColumn } from '../../components/data-table';
import { PortList } from '../../components/port-list';
import { LiveRelativeTime } from '../../components/relative-time';
import { StateBadge } from '../../components/state-badge';
import type { RowActionsProps } from './container-row-actions';
import { CpuCell, MemoryCell } from './container-stats-cells';
import { RowActionsCell } from './row-actions-cell';

export interface ColumnOptions {
  /** Wide enough for every column (see containers-page). */
  wide: boolean;
}

export function containerPath(container: Pick<ContainerSummary, 'id'>): string {
  return `/containers/${container.id}`;
}

export function containerColumns(
  { wide }: ColumnOptions,
  actions: Pick<RowActionsProps, 'onAction'>,
): TableColumn<ContainerSummary>[] {
  const columns: Array<TableColumn<ContainerSummary> | null> = [
    {
      id: 'name',
      name: 'Name',
      isRowHeader: true,
      width: '1.5fr',
      minWidth: 150,
      sortValue: (c) => c.name,
      render: (c) => (
        <div className="cell-stack">
          <span className="cell-primary" title={c.name}>
            {c.composeProject && <span className="compose-prefix">{c.composeProject} / </span>}
            <Link to={containerPath(c)} className="row-link">
              {c.name}
            </Link>
          </span>
          <span className="cell-secondary mono">{c.id.slice(0, 12)}</span>
        </div>
      ),
    },
    {
      id: 'image',
      name: 'Image',
      width: '1.2fr',
      minWidth: 110,
      sortValue: (c) => c.image,
      render: (c) => (
        <span className="truncate" title={c.image}>
          {c.image}
        </span>
      ),
    },
    {
      id: 'state',
      name: 'State',
      width: '1fr',
      minWidth: 124,
      sortValue: (c) => c.state,
      render: (c) => (
        <div className="cell-stack">
          <span>
            <StateBadge state={c.state} />
          </span>
          <span className="cell-secondary truncate" title={c.status}>
            {c.status}
          </span>
        </div>
      ),
    },
    { id: 'cpu', name: 'CPU', width: 132, minWidth: 132, render: (c) => <CpuCell container={c} /> },
    { id: 'memory', name: 'Memory', width: 150, minWidth: 150, render: (c) => <MemoryCell container={c} /> },
    { id: 'ports', name: 'Ports', width: '1fr', minWidth: 100, render: (c) => <PortList ports={c.ports} /> },
    wide
      ? {
          id: 'created',
          name: 'Created',
          // "23 seconds ago" and "3 months ago" fit.
          width: 132,
          minWidth: 132,
          sortValue: (c) => c.created,
          render: (c) => <LiveRelativeTime epochMs={c.created * 1000} />,
        }
      : null,
    {
      id: 'actions',
      name: 'Actions',
      hideName: true,
      // Three 28 px buttons, two gaps and the cell's padding.
      width: 128,
      minWidth: 128,
      render: (c) => <RowActionsCell container={c} onAction={actions.onAction} />,
    },
  ];
  return columns.filter((column) => column !== null);
}
