// Words for the engine's connection state, shared by the status bar and the Engine page.
import type { EngineStatus } from '@shared/engine-types';
import { formatShortDuration } from './relative-time';

export interface EngineStatusText {
  /** `Connected`, `Connecting…`, `Unreachable`. */
  label: string;
  /** The engine's product and version when connected, the reason when unreachable. */
  detail: string | null;
  /** When unreachable: `retrying in 4 s`, `retrying now`, or that no retry is scheduled. Ticks, so kept apart. */
  retry: string | null;
  tone: 'ok' | 'pending' | 'error';
}

export function describeEngineStatus(status: EngineStatus | undefined, nowMs: number): EngineStatusText {
  if (!status) return { label: 'Unknown', detail: 'Waiting for the Berth core', retry: null, tone: 'pending' };
  switch (status.state) {
    case 'connected': {
      const { product, version } = status.info;
      return { label: 'Connected', detail: `${productName(product)} ${version}`, retry: null, tone: 'ok' };
    }
    case 'connecting':
      return {
        label: 'Connecting…',
        detail: status.endpoint ? null : 'Looking for an engine',
        retry: null,
        tone: 'pending',
      };
    case 'unreachable': {
      const retry =
        status.retryAt === null
          ? 'not retrying: use Reconnect now on the Engine page'
          : status.retryAt <= nowMs
            ? 'retrying now'
            : `retrying in ${formatShortDuration(status.retryAt - nowMs)}`;
      return { label: 'Unreachable', detail: status.reason, retry, tone: 'error' };
    }
  }
}

export function productName(product: 'docker' | 'podman'): string {
  return product === 'docker' ? 'Docker Engine' : 'Podman';
}

/** `unix:///var/run/docker.sock (DOCKER_HOST)`, or the context/label when there is one. */
export function describeEndpoint(endpoint: EngineStatus['endpoint']): string {
  if (!endpoint) return 'No endpoint found';
  const source =
    endpoint.source === 'context' ? `context ${endpoint.label ?? ''}`.trim() : (endpoint.label ?? endpoint.source);
  return `${endpoint.host} (${source})`;
}
