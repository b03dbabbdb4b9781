// A volume's details from volumes:inspect: driver, mount point (on the engine's host), scope, age, labels,
// the driver's options, and the containers that mount it (links to their pages, with where it is mounted).
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import type { VolumeDetail } from '@shared/volume-types';
import { DialogFrame } from '../../components/dialog-frame';
import { Fact } from '../../components/fact';
import { KeyValueTable } from '../../components/key-value-table';
import { QueryError } from '../../components/query-error';
import { RelativeTime } from '../../components/relative-time';
import { useChannelQuery } from '../../data/channel-query';
import { formatFullDate } from '../../format/relative-time';
import { relativeTimeTickMs, useNow } from '../../lib/use-now';
import { createdMs } from './volume-columns';
import { volumeLabel } from './volume-label';

const asRows = (record: Record<string, string>) => Object.entries(record).map(([key, value]) => ({ key, value }));

function Facts({ detail }: { detail: VolumeDetail }) {
  const now = useNow(relativeTimeTickMs);
  const created = createdMs(detail);
  return (
    <dl className="facts volume-facts">
      <Fact label="Name">
        <span className="mono">{detail.name}</span>
      </Fact>
      <Fact label="Driver">{detail.driver}</Fact>
      <Fact label="Mount point">
        <span className="mono">{detail.mountpoint || '—'}</span>
      </Fact>
      <Fact label="Scope">{detail.scope}</Fact>
      <Fact label="Created">
        {Number.isFinite(created) ? (
          <>
            <RelativeTime epochMs={created} nowMs={now} /> <span className="muted">({formatFullDate(created)})</span>
          </>
        ) : (
          '—'
        )}
      </Fact>
    </dl>
  );
}

function UsedBy({ detail }: { detail: VolumeDetail }) {
  if (detail.usedBy.length === 0)
    return <p className="muted">No container uses it: removing it or a prune deletes its data.</p>;
  return (
    <table className="plain-table" aria-label={`Containers using ${detail.name}`}>
      <thead>
        <tr>
          <th scope="col">Container</th>
          <th scope="col">State</th>
          <th scope="col">Mounted at</th>
        </tr>
      </thead>
      <tbody>
        {detail.usedBy.map((user) => (
          <tr key={user.id}>
            <th scope="row">
              <Link to={`/containers/${encodeURIComponent(user.name)}`}>{user.name}</Link>
            </th>
            <td>{user.state}</td>
            <td className="mono">{user.destination}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function VolumeDetailDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const query = useChannelQuery('volumes:inspect', { name });
  const detail = query.data;
  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      size="wide"
      title={`Volume ${volumeLabel(name)}`}
      actions={
        <Button className="button button-secondary" onPress={onClose} autoFocus>
          Close
        </Button>
      }
    >
      {query.error && <QueryError what="the volume" error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p className="muted">Loading…</p>}
      {detail && (
        <>
          <Facts detail={detail} />
          <h3 className="dialog-subheading">Used by ({detail.usedBy.length})</h3>
          <UsedBy detail={detail} />
          <h3 className="dialog-subheading">Labels</h3>
          <KeyValueTable rows={asRows(detail.labels)} empty="No labels." />
          <h3 className="dialog-subheading">Driver options</h3>
          <KeyValueTable rows={asRows(detail.options)} empty="None: the driver's defaults." />
        </>
      )}
    </DialogFrame>
  );
}
