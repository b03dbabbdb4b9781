// The Containers page: every container (running and stopped), filterable, with live CPU and memory and
// the lifecycle actions per row, and rows to select for "Set limits…" or a bulk action on several at once. The list comes from
// containers:list {all: true} and refreshes on the engine's container events; the live columns come from the
// stats store, watching every running container.
import { useMemo, useState } from 'react';
import { Button, Switch, type Selection } from 'react-aria-components';
import type { ContainerSummary } from '@shared/container-types';
import { DataTable } from '../../components/data-table';
import { EngineAwayNotice } from '../../components/engine-away-notice';
import { ErrorAlert } from '../../components/error-alert';
import { FilterField } from '../../components/filter-field';
import { Page } from '../../components/page';
import { QueryError } from '../../components/query-error';
import { containersListRequest, useChannelQuery } from '../../data/channel-query';
import { useMediaQuery } from '../../lib/use-media-query';
import { filterContainers } from '../../model/container-filter';
import { useStatsWatch } from '../../stats/use-stats';
import { ComposeProjects } from '../../compose/compose-projects';
import { ComposeUpButton } from '../../compose/compose-up-dialog';
import { containerColumns } from './container-columns';
import { BulkLimitsDialog } from './bulk-limits-dialog';
import { useContainerActions } from './use-container-actions';
import { RemoveContainerDialog } from './remove-container-dialog';
import { RenameContainerDialog } from './rename-container-dialog';
import { BulkActionBar } from './bulk-action-bar';
import { PendingActionsContext } from './row-actions-cell';

export function ContainersPage() {
  // Events keep this list fresh: it never goes stale on a timer.
  const query = useChannelQuery('containers:list', containersListRequest, { staleTime: Infinity });
  const [filter, setFilter] = useState('');
  const [showStopped, setShowStopped] = useState(true);
  const actions = useContainerActions();
  // Below this the Created column goes: with it the columns' least widths (1070 px) overflow the space beside
  // the sidebar and the row's actions scroll out of sight.
  const wide = useMediaQuery('(min-width: 1340px)');
  useStatsWatch({ all: true });
  const all = useMemo(() => query.data ?? [], [query.data]);
  const shown = useMemo(() => filterContainers(all, filter, showStopped), [all, filter, showStopped]);
  const { pending, perform } = actions;
  const columns = useMemo(() => containerColumns({ wide }, { onAction: perform }), [wide, perform]);
  const running = all.filter((c) => c.state === 'running').length;
  const [selectedKeys, setSelectedKeys] = useState<Selection>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  // Only rows still listed and shown count: a removed or filtered-out container is not acted on unseen.
  const selected = selectedKeys === 'all' ? shown : shown.filter((c) => selectedKeys.has(c.id));

  return (
    <Page
      title="Containers"
      fill
      subtitle={query.data ? summary(all.length, running, shown.length, selected.length) : undefined}
      toolbar={
        <>
          <FilterField
            label="Filter containers"
            placeholder="Name, image, state or id"
            value={filter}
            onChange={setFilter}
          />
          <Switch className="switch" isSelected={showStopped} onChange={setShowStopped}>
            <span className="switch-track" aria-hidden="true">
              <span className="switch-thumb" />
            </span>
            Show stopped
          </Switch>
          <Button
            className="button button-secondary"
            onPress={() => setBulkOpen(true)}
            isDisabled={selected.length === 0}
          >
            Set limits…
          </Button>
          <ComposeUpButton />
        </>
      }
    >
      {actions.error && !actions.renaming && (
        <ErrorAlert title={actions.error.title} message={actions.error.message} onDismiss={actions.dismissError} />
      )}
      {query.error && <QueryError what="containers" error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <EngineAwayNotice what="containers" updatedAt={query.dataUpdatedAt} />}
      <ComposeProjects containers={all} />
      <BulkActionBar selected={selected} onRemoved={() => setSelectedKeys(new Set())} />
      <PendingActionsContext.Provider value={pending}>
        <DataTable<ContainerSummary>
          label="Containers"
          columns={columns}
          items={shown}
          getId={(c) => c.id}
          getTextValue={(c) => c.name}
          defaultSort={{ column: 'name', direction: 'ascending' }}
          rowHeight={52}
          emptyState={emptyState(query.isPending, query.isError, all, showStopped)}
          selection={{ selectedKeys, onSelectionChange: setSelectedKeys }}
        />
      </PendingActionsContext.Provider>
      <BulkLimitsDialog containers={selected} isOpen={bulkOpen} onClose={() => setBulkOpen(false)} />
      <RemoveContainerDialog actions={actions} />
      <RenameContainerDialog actions={actions} />
    </Page>
  );
}

function summary(total: number, running: number, shown: number, selected: number): string {
  const counts = `${running} running · ${total} total`;
  const visible = shown === total ? counts : `${counts} · ${shown} shown`;
  return selected === 0 ? visible : `${visible} · ${selected} selected`;
}

function emptyState(loading: boolean, failed: boolean, all: readonly ContainerSummary[], showStopped: boolean) {
  if (loading) return 'Loading containers…';
  if (failed) return 'Containers could not be loaded.';
  if (all.length === 0) return 'No containers';
  const hint = showStopped ? 'Change the filter to see more.' : 'Turn on Show stopped or change the filter.';
  return (
    <>
      <strong>No containers match</strong>
      <span className="muted">{hint}</span>
    </>
  );
}
