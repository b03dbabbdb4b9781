// The Replicas page: groups of containers run from one spec (the run dialog with more than one replica),
// each with its replicas' states and ports, scaling and removal. Container events refresh it (data/event-sync.ts).
import { Link } from 'react-router';
import { EngineAwayNotice } from '../../components/engine-away-notice';
import { Page } from '../../components/page';
import { QueryError } from '../../components/query-error';
import { useChannelQuery } from '../../data/channel-query';
import { ReplicaGroupCard } from './replica-group-card';
import '../../styles/replicas.css';

export function ReplicasPage() {
  const query = useChannelQuery('replicas:list', {}, { staleTime: Infinity });
  const groups = [...(query.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const replicas = groups.reduce((sum, group) => sum + group.replicas.length, 0);
  const subtitle = query.data
    ? `${groups.length} ${groups.length === 1 ? 'group' : 'groups'} · ${replicas} ${replicas === 1 ? 'replica' : 'replicas'}`
    : undefined;
  return (
    <Page title="Replicas" subtitle={subtitle}>
      {query.error && <QueryError what="replica groups" error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <EngineAwayNotice what="replica groups" updatedAt={query.dataUpdatedAt} />}
      {query.isPending && <p className="muted">Loading replica groups…</p>}
      {query.data && groups.length === 0 && (
        <div className="panel replica-empty">
          <h2>No replica groups</h2>
          <p className="muted">
            Run an image with more than one replica to make one: on the <Link to="/images">Images</Link> page, choose
            Run… and set Replicas.
          </p>
        </div>
      )}
      <div className="replica-groups">
        {groups.map((group) => (
          <ReplicaGroupCard key={group.name} group={group} />
        ))}
      </div>
    </Page>
  );
}
