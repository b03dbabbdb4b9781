// A container's page (#/containers/:id): its name, image and state with the same actions as its row in
// the list, and two tabs: Stats (live charts against its limits) and Info. When the container is removed
// while the page is open, the page says so and keeps its last known facts and stats.
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Page } from '../../components/page';
import { QueryError } from '../../components/query-error';
import { StateBadge } from '../../components/state-badge';
import { containersListRequest, useChannelQuery } from '../../data/channel-query';
import { ContainerRowActions } from '../containers/container-row-actions';
import { useContainerActions } from '../containers/use-container-actions';
import { ContainerInfoTab } from './container-info-tab';
import { StatsTab } from './stats-tab';
import { useResolvedContainer } from './use-resolved-container';
import { RemoveContainerDialog } from '../containers/remove-container-dialog';

const breadcrumb = <Link to="/containers">Containers</Link>;

export function ContainerDetailPage() {
  const ref = useParams().id ?? '';
  const query = useChannelQuery('containers:list', containersListRequest, { staleTime: Infinity });
  const { container, gone } = useResolvedContainer(query.data, ref);
  const actions = useContainerActions();
  const [tab, setTab] = useState<Key>('stats');

  if (!container) {
    return (
      <Page title={query.isPending ? 'Container' : 'Container not found'} breadcrumb={breadcrumb}>
        {query.error && <QueryError what="containers" error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && <p className="muted">Loading…</p>}
        {query.data && (
          <p>
            No container has the id or name <span className="mono">{ref}</span>. It may have been removed.
          </p>
        )}
      </Page>
    );
  }

  return (
    <Page
      title={container.name}
      breadcrumb={breadcrumb}
      subtitle={
        <>
          {container.image} · <span className="mono">{container.id.slice(0, 12)}</span>
        </>
      }
      toolbar={
        <div className="detail-toolbar">
          {gone ? <span className="badge badge-dead">removed</span> : <StateBadge state={container.state} />}
          {!gone && (
            <ContainerRowActions
              container={container}
              pending={actions.pending.get(container.id)}
              onStart={actions.start}
              onStop={actions.stop}
              onRemove={actions.askRemove}
            />
          )}
        </div>
      }
    >
      {gone && (
        <div role="status" className="notice notice-warning">
          <strong>{container.name} was removed.</strong> Its last known stats are shown below.{' '}
          <Link to="/containers">Back to containers</Link>
        </div>
      )}
      {actions.error && (
        <ErrorAlert title={actions.error.title} message={actions.error.message} onDismiss={actions.dismissError} />
      )}
      <Tabs selectedKey={tab} onSelectionChange={setTab} className="tabs">
        <TabList aria-label={`Views of ${container.name}`} className="tab-list">
          <Tab id="stats" className="tab">
            Stats
          </Tab>
          <Tab id="info" className="tab">
            Info
          </Tab>
        </TabList>
        <TabPanel id="stats" className="tab-panel">
          <StatsTab container={container} gone={gone} />
        </TabPanel>
        <TabPanel id="info" className="tab-panel">
          <ContainerInfoTab container={container} />
        </TabPanel>
      </Tabs>
      <RemoveContainerDialog actions={actions} />
    </Page>
  );
}
