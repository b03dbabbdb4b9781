// `docker system df` for one engine, asked for while it is connected: what images, containers, volumes and
// the build cache take, and what pruning would give back.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { QueryError } from '../../components/query-error';
import { channelKey } from '../../data/channel-query';
import { useBerthClient } from '../../data/client-context';
import { diskUsageLines } from './disk-usage-model';

export function DiskUsagePanel({ id, connected }: { id: string; connected: boolean }) {
  const client = useBerthClient();
  const titleId = useId();
  const usage = useQuery({
    queryKey: channelKey('engines:disk-usage', { id }),
    queryFn: () => client.invoke('engines:disk-usage', { id }),
    enabled: connected,
    // Counting sizes walks the engine's data: ask again after a while, not on every visit.
    staleTime: 30_000,
  });
  return (
    <section className="engine-subsection" aria-labelledby={titleId}>
      <h3 id={titleId}>Disk usage</h3>
      {!connected && <p className="muted">The engine reports this while it is running.</p>}
      {connected && usage.error && (
        <QueryError what="disk usage" error={usage.error} onRetry={() => void usage.refetch()} />
      )}
      {connected && usage.isPending && <p className="muted">Counting…</p>}
      {connected && usage.data && (
        <table className="plain-table engine-df" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Count</th>
              <th scope="col">Size</th>
              <th scope="col">Reclaimable</th>
            </tr>
          </thead>
          <tbody>
            {diskUsageLines(usage.data).map((line) => (
              <tr key={line.label}>
                <th scope="row">{line.label}</th>
                <td>{line.count}</td>
                <td>{line.size}</td>
                <td>{line.reclaimable}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
