// A VM engine's forwarded ports: each port its containers publish, where it listens on this computer, and
// what stops one that does not (another program has the port, say), so no port is skipped without a word.
import { useId } from 'react';
import type { EngineView, PortForwardView } from '@shared/engine-manager-types';

export function PortForwardsPanel({ engine }: { engine: EngineView }) {
  const titleId = useId();
  const forwards = engine.portForwards ?? [];
  const problems = forwards.filter((forward) => forward.problem).length;
  return (
    <section className="engine-subsection" aria-labelledby={titleId}>
      <h3 id={titleId}>Forwarded ports</h3>
      {forwards.length === 0 ? (
        <p className="muted">
          {engine.providerState === 'running'
            ? 'No running container publishes a port. Published ports listen here on the same port number.'
            : 'Published ports of running containers listen here while the VM runs.'}
        </p>
      ) : (
        <>
          {problems > 0 && (
            <p className="port-forward-summary" role="status">
              {problems === 1 ? '1 port is' : `${problems} ports are`} not reachable on this computer.
            </p>
          )}
          <table className="plain-table port-forwards" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">Port</th>
                <th scope="col">Container</th>
                <th scope="col">Listens on</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {forwards.map((forward) => (
                <tr key={`${forward.containerId}/${forward.protocol}/${forward.hostPort}`}>
                  <th scope="row" className="mono">
                    {forward.hostPort}/{forward.protocol}
                  </th>
                  <td>{forward.containerName}</td>
                  <td className="mono">{forward.hostAddresses.map(addressLabel).join(', ') || '—'}</td>
                  <td>
                    <ForwardStatus forward={forward} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function ForwardStatus({ forward }: { forward: PortForwardView }) {
  if (forward.problem) return <span className="port-forward-problem">{forward.problem}</span>;
  return <span className="muted">Forwarded{forward.via === 'ssh' ? ' over SSH' : ''}</span>;
}

function addressLabel(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
