// The Engine page: the connection state and endpoint, a Reconnect now button, and everything the engine
// reported about itself.
import { Button } from 'react-aria-components';
import type { EngineInfo } from '../../../main/shared/engine-types';
import { ErrorAlert } from '../components/error-alert';
import { Fact } from '../components/fact';
import { Page } from '../components/page';
import { RelativeTime } from '../components/relative-time';
import { applyEngineStatus, useChannelMutation, useChannelQuery } from '../data/channel-query';
import { formatBytes } from '../format/bytes';
import { describeEndpoint, describeEngineStatus, productName } from '../format/engine-status';
import { useNow } from '../lib/use-now';

export function EnginePage() {
  const status = useChannelQuery('engine:status', {}).data;
  const reconnect = useChannelMutation('engine:reconnect', (fresh, queries) => applyEngineStatus(queries, fresh));
  const now = useNow(1000);
  const text = describeEngineStatus(status, now);
  return (
    <Page
      title="Engine"
      toolbar={
        <Button className="button" isDisabled={reconnect.isPending} onPress={() => reconnect.mutate({})}>
          {reconnect.isPending ? 'Reconnecting…' : 'Reconnect now'}
        </Button>
      }
    >
      {reconnect.error && (
        <ErrorAlert title="Could not reconnect" message={reconnect.error.message} onDismiss={() => reconnect.reset()} />
      )}
      <section className="panel" aria-labelledby="engine-status-title">
        <h2 id="engine-status-title">Connection</h2>
        <dl className="facts">
          <Fact label="State">
            <span className={`tone-text tone-${text.tone}`}>{text.label}</span>
          </Fact>
          {status?.state === 'unreachable' && <Fact label="Reason">{status.reason}</Fact>}
          {text.retry && <Fact label="Retry">{text.retry}</Fact>}
          <Fact label="Endpoint">{status ? describeEndpoint(status.endpoint) : '—'}</Fact>
          <Fact label="Since">{status ? <RelativeTime epochMs={status.since} nowMs={now} /> : '—'}</Fact>
        </dl>
      </section>
      <section className="panel" aria-labelledby="engine-info-title">
        <h2 id="engine-info-title">Engine information</h2>
        {status?.state === 'connected' ? (
          <InfoFacts info={status.info} />
        ) : (
          <p className="muted">The engine reports this once Berth is connected to it.</p>
        )}
      </section>
    </Page>
  );
}

function InfoFacts({ info }: { info: EngineInfo }) {
  const { total, running, paused, stopped } = info.containers;
  return (
    <dl className="facts">
      <Fact label="Product">{productName(info.product)}</Fact>
      <Fact label="Version">{info.version}</Fact>
      <Fact label="API version">{info.apiVersion}</Fact>
      <Fact label="Host name">{info.name}</Fact>
      <Fact label="Operating system">{info.os}</Fact>
      <Fact label="OS type">{info.osType}</Fact>
      <Fact label="Kernel">{info.kernelVersion}</Fact>
      <Fact label="Architecture">{info.architecture}</Fact>
      <Fact label="CPUs">{`${info.cpus} ${info.cpus === 1 ? 'core' : 'cores'}`}</Fact>
      <Fact label="Memory">{formatBytes(info.memoryBytes)}</Fact>
      <Fact label="Cgroup driver">{info.cgroupDriver}</Fact>
      <Fact label="Cgroup version">{info.cgroupVersion}</Fact>
      <Fact label="Storage driver">{info.storageDriver}</Fact>
      <Fact label="Containers">{`${total} total · ${running} running · ${paused} paused · ${stopped} stopped`}</Fact>
      <Fact label="Images">{String(info.images)}</Fact>
    </dl>
  );
}
