// Which route a limits update takes (Docker's update, or libpod's on Podman), the libpod body it becomes, and
// how a Podman without the route is told apart from an unknown container.
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { libpodResources, sendUpdate } from '../../../../main/core/limits/engine-update';
import { KERNEL_UNLIMITED_BYTES } from '../../../../main/core/limits/engine-units';
import { BerthError } from '../../../../main/shared/errors';

interface Dialled {
  path: string;
  method: string;
  options: unknown;
}

/** A client whose modem answers every request with `reply`, recording what was dialled and updated. */
function fakeClient(reply: { error?: unknown; data?: unknown } = { data: 'id' }) {
  const dialled: Dialled[] = [];
  const updated: unknown[] = [];
  const docker = {
    modem: {
      dial: (request: Dialled, callback: (error: unknown, data?: unknown) => void) => {
        dialled.push(request);
        callback(reply.error ?? null, reply.data);
      },
    },
    getContainer: () => ({
      update: async (payload: unknown) => (updated.push(payload), { Warnings: ['a docker warning'] }),
    }),
  } as unknown as Dockerode;
  return { docker, dialled, updated };
}

const podman = { product: 'podman' as const, version: '4.3.1' };

describe('libpodResources', () => {
  it('maps every resource field of the update payload to the OCI linux resources libpod decodes', () => {
    expect(
      libpodResources({
        CpuQuota: 50_000,
        CpuPeriod: 100_000,
        CpuShares: 512,
        CpusetCpus: '0-1',
        Memory: 64,
        MemorySwap: 128,
        MemoryReservation: 32,
        PidsLimit: 50,
      }),
    ).toEqual({
      cpu: { quota: 50_000, period: 100_000, shares: 512, cpus: '0-1' },
      memory: { limit: 64, swap: 128, reservation: 32 },
      pids: { limit: 50 },
    });
  });

  it('keeps the lifting encodings and leaves out what does not change', () => {
    expect(libpodResources({ CpuQuota: -1 })).toEqual({ cpu: { quota: -1 } });
    expect(libpodResources({ Memory: KERNEL_UNLIMITED_BYTES, MemorySwap: KERNEL_UNLIMITED_BYTES })).toEqual({
      memory: { limit: KERNEL_UNLIMITED_BYTES, swap: KERNEL_UNLIMITED_BYTES },
    });
    expect(libpodResources({ PidsLimit: -1 })).toEqual({ pids: { limit: -1 } });
    expect(libpodResources({})).toEqual({});
  });
});

describe('sendUpdate', () => {
  it("uses Docker's update route on Docker", async () => {
    const { docker, dialled, updated } = fakeClient();
    expect(await sendUpdate(docker, { product: 'docker', version: '20.10.24' }, 'abc', { Memory: 64 })).toEqual({
      Warnings: ['a docker warning'],
    });
    expect(updated).toEqual([{ Memory: 64 }]);
    expect(dialled).toEqual([]);
  });

  it("uses libpod's versioned update route on Podman, never the compatible one (a 404 there)", async () => {
    const { docker, dialled, updated } = fakeClient();
    expect(await sendUpdate(docker, podman, 'a/b', { CpuQuota: 25_000, CpuPeriod: 100_000 })).toEqual({});
    expect(dialled).toEqual([
      expect.objectContaining({
        path: '/v4.3.0/libpod/containers/a%2Fb/update',
        method: 'POST',
        options: { cpu: { quota: 25_000, period: 100_000 } },
      }),
    ]);
    expect(updated).toEqual([]);
  });

  it('refuses, without a call, what libpod would silently ignore', async () => {
    const { docker, dialled } = fakeClient();
    await expect(
      sendUpdate(docker, podman, 'abc', { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } }),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(sendUpdate(docker, podman, 'abc', { NanoCpus: 1e9 })).rejects.toBeInstanceOf(BerthError);
    expect(dialled).toEqual([]);
  });

  it("tells a Podman without the route (plain 404) from an unknown container (libpod's JSON 404)", async () => {
    const missingRoute = fakeClient({
      error: Object.assign(new Error('(HTTP code 404) no such container - Not Found'), {
        statusCode: 404,
        json: 'Not Found',
      }),
    });
    await expect(
      sendUpdate(missingRoute.docker, { product: 'podman', version: '4.2.0' }, 'abc', { Memory: 64 }),
    ).rejects.toMatchObject({
      code: 'ENGINE_REFUSED',
      message: expect.stringMatching(/Podman 4\.2\.0 has no API to change the limits.*Nothing was changed/),
    });
    const unknown = {
      statusCode: 404,
      json: {
        cause: 'no such container',
        message: 'no container with name or ID "abc" found: no such container',
        response: 404,
      },
    };
    await expect(sendUpdate(fakeClient({ error: unknown }).docker, podman, 'abc', { Memory: 64 })).rejects.toBe(
      unknown,
    );
  });
});
