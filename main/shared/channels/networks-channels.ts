// Network channels: create, inspect, remove, prune, and connecting or disconnecting a container.
import { z } from 'zod';
import type { NetworkDetail, NetworkPruneResult } from '../network-types';
import type { NetworkSummary } from '../engine-types';
import { channel, containerRef } from './channel-kit';

/** A network's id or name. Names go into engine API paths: the same characters docker allows in a container name. */
export const networkRef = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'must be a network id or name (letters, digits, _ . -)');
/** A network driver or driver plugin name; no slashes, since the engine looks plugins up by file name. */
const driverName = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/, 'must be a driver name like bridge, macvlan or ipvlan');
const label = z.object({ key: z.string().min(1).max(255), value: z.string().max(4096) }).strict();
/** `key` or `key=value`, as `docker network prune --filter label=…` takes it. */
const labelFilter = z
  .string()
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*(=[a-zA-Z0-9_.:/-]*)?$/, 'must be a label like key or key=value');
const alias = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, 'must be a host name (letters, digits, _ . -)');

const networkCreateRequest = z
  .object({
    name: networkRef,
    driver: driverName.optional(),
    internal: z.boolean().optional(),
    labels: z.array(label).max(100).optional(),
    subnet: z.union([z.cidrv4(), z.cidrv6()]).optional(),
  })
  .strict();
const networkIdRequest = z.object({ id: networkRef }).strict();
/** Without a label: every network no container uses (`docker network prune`); with one, only those labelled so. */
const networkPruneRequest = z.object({ label: labelFilter.optional() }).strict();
const networkConnectRequest = z
  .object({ network: networkRef, container: containerRef, aliases: z.array(alias).max(20).optional() })
  .strict();
const networkDisconnectRequest = z
  .object({ network: networkRef, container: containerRef, force: z.boolean().optional() })
  .strict();

export const networksChannels = {
  'networks:create': channel<typeof networkCreateRequest, NetworkSummary>(networkCreateRequest),
  'networks:inspect': channel<typeof networkIdRequest, NetworkDetail>(networkIdRequest),
  /** Refused plainly (CONFLICT) for a predefined network or one with containers attached. */
  'networks:remove': channel<typeof networkIdRequest, { id: string }>(networkIdRequest),
  'networks:prune': channel<typeof networkPruneRequest, NetworkPruneResult>(networkPruneRequest),
  'networks:connect': channel<typeof networkConnectRequest, NetworkDetail>(networkConnectRequest),
  'networks:disconnect': channel<typeof networkDisconnectRequest, NetworkDetail>(networkDisconnectRequest),
} as const;
