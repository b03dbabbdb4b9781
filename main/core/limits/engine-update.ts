// Owns sending one limits update to the engine by the route that really changes the container: Docker's
// `POST /containers/{id}/update`, or on Podman, whose Docker-compatible API has no such route (404 on 4.3),
// libpod's own `POST /v4.3.0/libpod/containers/{id}/update`, whose body is the OCI runtime spec's
// linux resources. Podman hands that body to `runc update`: the kernel changes, Podman's inspect does not.
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import type { EngineLimitsFacts } from './limits-capabilities';
import type { UpdatePayload } from './update-payload';

export interface UpdateResponse {
  Warnings?: string[] | null;
}

/** The subset of the OCI `LinuxResources` Berth sends (field names as libpod decodes them). */
export interface LibpodResources {
  cpu?: { quota?: number; period?: number; shares?: number; cpus?: string };
  memory?: { limit?: number; reservation?: number; swap?: number };
  pids?: { limit: number };
}

/**
 * libpod routes answer only under a version prefix (the bare `/libpod/...` is a 404 on 4.3); 4.3.0 is the
 * first version with the update route, and newer servers accept an older prefix.
 */
export const LIBPOD_UPDATE_PREFIX = '/v4.3.0/libpod';

/**
 * Docker's update payload as libpod's resources. The values carry over as they are: measured on Podman 4.3 with
 * runc 1.1 (cgroup v1), quota -1, shares 1024, the full cpuset, reservation -1, memory and swap at the kernel's
 * maximum (or -1) and pids -1 all lift their limit live, like on Docker. NanoCpus never reaches here (Podman
 * always gets CpuQuota/CpuPeriod, see update-payload.ts); RestartPolicy has no place in this body.
 */
export function libpodResources(payload: UpdatePayload): LibpodResources {
  const body: LibpodResources = {};
  const cpu: NonNullable<LibpodResources['cpu']> = {};
  if (payload.CpuQuota !== undefined) cpu.quota = payload.CpuQuota;
  if (payload.CpuPeriod !== undefined) cpu.period = payload.CpuPeriod;
  if (payload.CpuShares !== undefined) cpu.shares = payload.CpuShares;
  if (payload.CpusetCpus !== undefined) cpu.cpus = payload.CpusetCpus;
  if (Object.keys(cpu).length > 0) body.cpu = cpu;
  const memory: NonNullable<LibpodResources['memory']> = {};
  if (payload.Memory !== undefined) memory.limit = payload.Memory;
  if (payload.MemoryReservation !== undefined) memory.reservation = payload.MemoryReservation;
  if (payload.MemorySwap !== undefined) memory.swap = payload.MemorySwap;
  if (Object.keys(memory).length > 0) body.memory = memory;
  if (payload.PidsLimit !== undefined) body.pids = { limit: payload.PidsLimit };
  return body;
}

function libpodUpdate(docker: Dockerode, id: string, body: LibpodResources): Promise<unknown> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `${LIBPOD_UPDATE_PREFIX}/containers/${encodeURIComponent(id)}/update`,
        method: 'POST',
        options: body,
        statusCodes: {
          200: true,
          201: true,
          204: true,
          400: 'bad parameter',
          404: 'no such container',
          500: 'server error',
        },
      },
      (error: unknown, data: unknown) => (error ? reject(error) : resolve(data)),
    );
  });
}

/** One update call by the engine's own route; engine errors pass through for engine-refusal.ts to explain. */
export async function sendUpdate(
  docker: Dockerode,
  engine: Pick<EngineLimitsFacts, 'product' | 'version'>,
  id: string,
  payload: UpdatePayload,
): Promise<UpdateResponse> {
  if (engine.product !== 'podman') return (await docker.getContainer(id).update(payload)) as UpdateResponse;
  if (payload.NanoCpus !== undefined || payload.RestartPolicy !== undefined) {
    // podman-limits.ts reports restart policy as fixed and update-payload.ts never plans NanoCpus for Podman:
    // reaching here is a bug, and libpod would silently ignore the field.
    throw new BerthError(
      'INTERNAL',
      'Berth tried to send Podman a restart policy or NanoCpus, which its update route ignores; nothing was changed.',
    );
  }
  try {
    await libpodUpdate(docker, id, libpodResources(payload));
    return {};
  } catch (error) {
    // A 404 without libpod's JSON error (plain "Not Found") is the route missing (Podman before 4.3), not an
    // unknown container, which libpod answers with {cause, message, response}.
    const { statusCode, json } = error as { statusCode?: number; json?: unknown };
    const libpodMessage = json && typeof json === 'object' ? (json as { message?: unknown }).message : undefined;
    if (statusCode === 404 && typeof libpodMessage !== 'string') {
      throw new BerthError(
        'ENGINE_REFUSED',
        `Podman ${engine.version || '(unknown version)'} has no API to change the limits of an existing container (Podman 4.3 added it): recreate the container with the new limits, or upgrade Podman. Nothing was changed.`,
      );
    }
    throw error;
  }
}
