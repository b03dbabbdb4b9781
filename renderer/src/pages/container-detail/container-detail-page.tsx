// A container's page (#/containers/:id?tab=…): its name, image and state with the same actions as its row
// in the list, and its tabs (container-tabs.tsx). When the container is removed
// while the page is open, the page says so and keeps its last known facts and stats.
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Page } from '../../components/page';
import { QueryError } from '../../components/query-error';
import { StateBadge } from '../../components/state-badge';
import { containersListRequest, useChannelQuery } from '../../data/channel-query';
import { ContainerRowActions } from '../containers/container-row-actions';
import { useContainerActions } from '../containers/use-container-actions';
import { defaultContainerTab } from './container-tab-list';
import { containerTabs } from './container-tabs';
import { useResolvedContainer } from './use-resolved-container';
import { RemoveContainerDialog } from '../containers/remove-container-dialog';
import { RenameContainerDialog } from '../containers/rename-container-dialog';
import { ExitInfoPanel } from './exit-info-panel';

const breadcrumb = <Link to="/containers">Containers</Link>;

export function ContainerDetailPage() {
  const ref = useParams().id ?? '';
  const query = useChannelQuery('containers:list', containersListRequest, { staleTime: Infinity });
  const { container, gone } = useResolvedContainer(query.data, ref);
  const actions = useContainerActions();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const tab = containerTabs.some((each) => each.id === asked) ? (asked as string) : defaultContainerTab;
  const setTab = (key: Key) =>
    setSearch(key === defaultContainerTab ? {} : { tab: String(key) }, { replace: true, preventScrollReset: true });

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
              onAction={actions.perform}
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
      {!gone && <ExitInfoPanel container={container} />}
      {actions.error && !actions.renaming && (
        <ErrorAlert title={actions.error.title} message={actions.error.message} onDismiss={actions.dismissError} />
      )}
      <Tabs selectedKey={tab} onSelectionChange={setTab} className="tabs">
        <TabList aria-label={`Views of ${container.name}`} className="tab-list">
          {containerTabs.map((each) => (
            <Tab key={each.id} id={each.id} className="tab">
              {each.label}
            </Tab>
          ))}
        </TabList>
        {containerTabs.map((each) => (
          <TabPanel key={each.id} id={each.id} className="tab-panel">
            {each.render({ container, gone })}
          </TabPanel>
        ))}
      </Tabs>
      <RemoveContainerDialog actions={actions} />
      <RenameContainerDialog actions={actions} />
    </Page>
  );
}
