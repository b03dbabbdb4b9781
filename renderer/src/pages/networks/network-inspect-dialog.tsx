// A network's details: driver, addresses, options and labels, and the containers attached (running ones with
// their addresses) each with Disconnect, and a form to connect another container. The engine's refusals show
// in the dialog.
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import type { NetworkDetail } from '@shared/network-types';
import { DialogFrame } from '../../components/dialog-frame';
import { ErrorAlert } from '../../components/error-alert';
import { Fact } from '../../components/fact';
import { QueryError } from '../../components/query-error';
import { useChannelMutation, useChannelQuery } from '../../data/channel-query';
import { ConnectContainerForm } from './connect-container-form';

function Facts({ detail }: { detail: NetworkDetail }) {
  const labels = Object.entries(detail.labels);
  return (
    <dl className="facts network-facts">
      <Fact label="Driver">{detail.driver}</Fact>
      <Fact label="Scope">{detail.scope}</Fact>
      <Fact label="Subnets">
        {detail.subnets.length
          ? detail.subnets.map((s) => `${s.subnet}${s.gateway ? ` (gateway ${s.gateway})` : ''}`).join(', ')
          : '—'}
      </Fact>
      <Fact label="Internal">{detail.internal ? 'Yes: no way out of the host' : 'No'}</Fact>
      <Fact label="Labels">{labels.length ? labels.map(([k, v]) => `${k}=${v}`).join(', ') : '—'}</Fact>
      {detail.predefined && <Fact label="Built in">The engine creates it; it cannot be removed.</Fact>}
    </dl>
  );
}

export function NetworkInspectDialog({ id, name, onClose }: { id: string; name: string; onClose: () => void }) {
  const query = useChannelQuery('networks:inspect', { id });
  const disconnect = useChannelMutation('networks:disconnect', (detail, queries) => {
    queries.setQueryData(['networks:inspect', { id }], detail);
  });
  const detail = query.data;
  const refusal = disconnect.error;

  return (
    <DialogFrame
      isOpen
      onClose={onClose}
      size="wide"
      title={`Network ${name}`}
      actions={
        <Button className="button button-secondary" onPress={onClose} autoFocus>
          Close
        </Button>
      }
    >
      {query.error && <QueryError what="the network" error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p className="muted">Loading…</p>}
      {detail && (
        <>
          <Facts detail={detail} />
          <h3 className="dialog-subheading">Containers ({detail.containers.length})</h3>
          {detail.containers.length === 0 ? (
            <p className="muted">No container is connected to {name}.</p>
          ) : (
            <table className="member-table" aria-label={`Containers on ${name}`}>
              <thead>
                <tr>
                  <th scope="col">Container</th>
                  <th scope="col">State</th>
                  <th scope="col">IPv4</th>
                  <th scope="col">MAC</th>
                  <th scope="col">Aliases</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {detail.containers.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">
                      <Link to={`/containers/${encodeURIComponent(member.name)}`}>{member.name}</Link>
                    </th>
                    <td>{member.state}</td>
                    <td className="mono">{member.ipv4 ?? (member.state === 'running' ? '—' : 'none while stopped')}</td>
                    <td className="mono">{member.mac ?? '—'}</td>
                    <td className="mono">{member.aliases.join(', ') || '—'}</td>
                    <td>
                      <Button
                        className="button button-small"
                        aria-label={`Disconnect ${member.name}`}
                        isDisabled={disconnect.isPending}
                        onPress={() => disconnect.mutate({ network: id, container: member.id })}
                      >
                        Disconnect
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {refusal && (
            <ErrorAlert title="Could not disconnect" message={refusal.message} onDismiss={() => disconnect.reset()} />
          )}
          {detail.driver !== 'host' && detail.driver !== 'null' && <ConnectContainerForm network={detail} />}
        </>
      )}
    </DialogFrame>
  );
}
