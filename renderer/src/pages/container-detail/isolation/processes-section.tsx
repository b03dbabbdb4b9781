// The Isolation tab's processes: the container's own PID namespace shown through `top`, each process with
// its PID inside the container next to the PID this computer knows it by. Refreshed every few seconds.
import type { ContainerSummary } from '@shared/container-types';
import type { ContainerTopView } from '@shared/inspect-types';
import { useContainerLook } from '../inspect/use-container-look';

/** Docker's and Podman's titles of the command column. */
const commandTitles = new Set(['CMD', 'COMMAND']);

function ProcessTable({ top, name }: { top: ContainerTopView; name: string }) {
  const first = top.processes.find((process) => process.containerPid === 1);
  return (
    <>
      {first && first.hostPid !== null && (
        <p>
          Inside, its main process is <strong>PID 1</strong>; this computer knows the same process as{' '}
          <strong className="numeric">PID {first.hostPid}</strong>.
        </p>
      )}
      {top.containerPidsUnavailable && <p className="muted">{top.containerPidsUnavailable}</p>}
      <table className="plain-table process-table" aria-label={`Processes of ${name}`}>
        <thead>
          <tr>
            <th scope="col">PID inside</th>
            <th scope="col">Host PID</th>
            {top.titles.map((title, index) => (
              <th scope="col" key={index}>
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top.processes.map((process, row) => (
            <tr key={process.hostPid ?? `row-${row}`}>
              <td className="numeric">{process.containerPid ?? '—'}</td>
              <td className="numeric">{process.hostPid ?? '—'}</td>
              {process.values.map((value, index) => (
                <td key={index} className={commandTitles.has(top.titles[index]) ? 'mono kv-value' : 'numeric'}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ProcessesSection({ container, gone }: { container: ContainerSummary; gone: boolean }) {
  const running = !gone && (container.state === 'running' || container.state === 'paused');
  const query = useContainerLook('containers:top', container, { enabled: running, refetchIntervalMs: 5000 });
  return (
    <section className="panel inspect-section" aria-labelledby="isolation-processes">
      <h2 id="isolation-processes">Its own processes</h2>
      <p className="isolation-why">
        The kernel gives a container its own PID namespace: its processes see only each other, and the first one is PID
        1, as on a machine of its own. This computer sees them too, under other PIDs, like any process.
      </p>
      {!running ? (
        <p className="muted">{container.name} is not running, so it has no processes. Start it to see them.</p>
      ) : query.error ? (
        <p role="alert">{query.error.message}</p>
      ) : query.data ? (
        <ProcessTable top={query.data} name={container.name} />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
