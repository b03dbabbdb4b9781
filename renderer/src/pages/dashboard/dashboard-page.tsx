// The Dashboard: the engine at a glance. Container and image counts come from the live lists (events keep
// them current); live CPU and memory totals and the top consumers from the stats store (watching every
// running container); machine facts from the engine's info. Nothing is shown that the engine did not say.
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ContainerSummary } from '@shared/container-types';
import type { EngineInfo } from '@shared/engine-types';
import { Page } from '../../components/page';
import { QueryError } from '../../components/query-error';
import { SummaryCard } from '../../components/summary-card';
import { containersListRequest, useChannelQuery } from '../../data/channel-query';
import { formatBytes } from '../../format/bytes';
import { describeEngineStatus, productName } from '../../format/engine-status';
import { useNow } from '../../lib/use-now';
import { isStopped } from '../../model/container-filter';
import { usageTotals } from '../../model/stats-totals';
import { useAllLatestStats, useStatsWatch } from '../../stats/use-stats';
import { TotalsPanel } from '../../totals/totals-panel';
import { FirstRunPanel, needsFirstRun } from './first-run-panel';
import { TopConsumers } from './top-consumers';
import { CpuUsageCard, MemoryUsageCard } from './usage-cards';

export function DashboardPage() {
  const status = useChannelQuery('engine:status', {});
  const engines = useChannelQuery('engines:list', {}).data;
  const engine = status.data;
  const firstRun = needsFirstRun(engines, engine?.state === 'connected');
  return (
    <Page title="Dashboard" subtitle={engine?.state === 'connected' ? engineLine(engine.info) : undefined}>
      {status.error && !engine && (
        <QueryError what="the engine status" error={status.error} onRetry={() => void status.refetch()} />
      )}
      {engine?.state === 'connected' ? (
        <Cards info={engine.info} />
      ) : firstRun ? (
        <FirstRunPanel />
      ) : (
        engine && <EngineAway />
      )}
    </Page>
  );
}

function engineLine(info: EngineInfo): string {
  return `${productName(info.product)} ${info.version} on ${info.name}`;
}

function Cards({ info }: { info: EngineInfo }) {
  const containers = useChannelQuery('containers:list', containersListRequest, { staleTime: Infinity });
  const images = useChannelQuery('images:list', {});
  const list = containers.data;
  const running = list?.filter((c) => c.state === 'running').length;
  const stopped = list?.filter(isStopped).length;
  const imageBytes = images.data?.reduce((sum, image) => sum + image.sizeBytes, 0);
  useStatsWatch({ all: true });
  const latest = useAllLatestStats();
  const totals = list ? usageTotals(list, latest) : null;
  const loading = '…';
  return (
    <>
      {containers.error && (
        <QueryError what="containers" error={containers.error} onRetry={() => void containers.refetch()} />
      )}
      {images.error && <QueryError what="images" error={images.error} onRetry={() => void images.refetch()} />}
      <div className="card-grid">
        <SummaryCard
          title="Containers"
          stats={[
            { label: 'Running', value: running ?? loading, tone: 'ok' },
            { label: 'Stopped', value: stopped ?? loading },
            { label: 'Total', value: list?.length ?? loading },
          ]}
          detail={<Link to="/containers">View containers</Link>}
        />
        <SummaryCard
          title="Images"
          value={images.data?.length ?? loading}
          detail={imageBytes === undefined ? undefined : `${formatBytes(imageBytes)} on disk`}
        />
        <CpuUsageCard info={info} totals={totals} />
        <MemoryUsageCard info={info} totals={totals} />
        <SummaryCard
          title="Engine"
          textValue
          value={`${productName(info.product)} ${info.version}`}
          detail={`API ${info.apiVersion} · ${info.storageDriver} · cgroup ${info.cgroupVersion} (${info.cgroupDriver})`}
        />
        <SummaryCard
          title="Operating system"
          textValue
          value={info.os}
          detail={`Kernel ${info.kernelVersion} · ${info.osType}/${info.architecture}`}
        />
      </div>
      {list && <TopConsumers containers={list} latest={latest} />}
      {list && list.length > 0 && <EngineTotals containers={list} />}
    </>
  );
}

/** Every listed container's CPU and memory over a range, stacked: the engine's totals. */
function EngineTotals({ containers }: { containers: readonly ContainerSummary[] }) {
  // The contract takes 500 ids at most; a list longer than that shows its first 500.
  const ids = useMemo(() => containers.slice(0, 500).map((container) => container.id), [containers]);
  const names = useMemo(() => new Map(containers.map((container) => [container.id, container.name])), [containers]);
  return <TotalsPanel title="Usage of all containers" ids={ids} names={names} exportName="all-containers" />;
}

/** The engine is connecting or unreachable: say so, and where to act, rather than show empty cards. */
function EngineAway() {
  const engine = useChannelQuery('engine:status', {}).data;
  const now = useNow(1000);
  const text = describeEngineStatus(engine, now);
  return (
    <section className="panel panel-notice" aria-labelledby="engine-away-title">
      <h2 id="engine-away-title">Engine {text.label.toLowerCase()}</h2>
      {text.detail && <p>{text.detail}</p>}
      {text.retry && <p className="muted">{text.retry.charAt(0).toUpperCase() + text.retry.slice(1)}.</p>}
      <p>
        <Link to="/engine">Open the Engine page</Link> to see the endpoint or reconnect now.
      </p>
    </section>
  );
}
