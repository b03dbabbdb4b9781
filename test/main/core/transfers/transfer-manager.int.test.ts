// TransferManager against the private engine and registry: real pulls and pushes with per-layer progress,
// cancel midway behind a throttled proxy, the registry going away midway, and the router's envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../main/core/create-core';
import { silentLogger } from '../../../../main/core/logger';
import type { Transfer } from '../../../../main/shared/transfer-types';
import { pushImage } from '../../../harness/busybox-image';
import { harness } from '../../../harness/context';
import { buildLayeredImage } from '../../../harness/layered-image';
import { ThrottledProxy } from '../../../harness/throttled-proxy';
import { hasImage, removeImages, uniqueSuffix } from '../../../harness/images';
import { fetchManifest, transferFixture, type TransferFixture } from './transfer-fixture';

let f: TransferFixture;

beforeAll(async () => {
  f = await transferFixture();
});

afterAll(async () => {
  await f?.close();
});

/** Builds a fresh image of random layers, pushes it to the harness registry and removes every local copy. */
async function remoteOnlyImage(
  name: string,
  layers: number,
  bytesPerLayer: number,
): Promise<{ repository: string; tag: string }> {
  const repository = `berth-test/${name}-${uniqueSuffix()}`;
  const local = `${repository}:v1`;
  await buildLayeredImage(f.docker, local, { layers, bytesPerLayer, base: 'scratch' });
  const remote = await pushImage(f.docker, local, harness().registry);
  await removeImages(f.docker, [remote, local]);
  return { repository, tag: 'v1' };
}

const running = (id: string) => (t: Transfer) => t.id === id && t.state === 'running' && t.currentBytes > 0;

describe('TransferManager with a real engine and registry', () => {
  it('pulls with per-layer progress whose sizes match the manifest, then the image is present', async () => {
    const { repository, tag } = await remoteOnlyImage('pull', 3, 300_000);
    const manifest = await fetchManifest(harness().registry, repository, tag);
    expect(manifest.status).toBe(200);
    const reference = `${harness().registry}/${repository}:${tag}`;

    const started = await f.transfers.pull(reference);
    expect(started).toMatchObject({ kind: 'pull', state: 'running', reference, requested: reference, purpose: 'user' });
    const done = await f.transfers.finished(started.id);

    expect(done.state).toBe('done');
    expect(done.error).toBeNull();
    expect(done.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(done.status).toMatch(/^Status: Downloaded newer image/);
    expect(done.layers).toHaveLength(manifest.layers.length);
    for (const layer of done.layers) {
      const inManifest = manifest.layers.find((candidate) => candidate.digest.startsWith(`sha256:${layer.id}`));
      expect(layer.phase).toBe('complete');
      expect(layer.totalBytes).toBe(inManifest?.size);
      expect(layer.currentBytes).toBe(layer.totalBytes);
    }
    expect(done.totalKnown).toBe(true);
    expect(done.currentBytes).toBe(manifest.layers.reduce((sum, layer) => sum + layer.size, 0));
    expect(done.totalBytes).toBe(done.currentBytes);

    const events = f.recorder.seen.filter(
      (r) => r.event === 'transfers:progress' && (r.payload as Transfer).id === started.id,
    );
    expect(events.length).toBeGreaterThan(1);
    expect((events.at(-1)?.payload as Transfer).state).toBe('done');
    expect(await hasImage(f.docker, reference)).toBe(true);
    expect(f.transfers.list().find((t) => t.id === started.id)?.state).toBe('done');
    expect(f.transfers.dismiss(started.id)).toEqual({ id: started.id });
    expect(f.transfers.list().some((t) => t.id === started.id)).toBe(false);
  });

  it('cancels a pull midway: cancelled, what was left in words, and no image tagged', async () => {
    const { repository, tag } = await remoteOnlyImage('cancel', 3, 2_000_000);
    const proxy = await ThrottledProxy.start(Number(harness().registry.split(':')[1]), 500_000);
    try {
      const reference = `${proxy.address}/${repository}:${tag}`;
      const started = await f.transfers.pull(reference);
      await f.recorder.next('transfers:progress', running(started.id), 30_000, 'bytes arriving');
      const cancelled = f.transfers.cancel(started.id);
      expect(cancelled.state).toBe('cancelled');
      expect(cancelled.error?.code).toBe('CANCELLED');
      expect(cancelled.leftOver).toMatch(/^\d of 3 layers (was|were) downloaded; no image was tagged$/);
      expect((await f.transfers.finished(started.id)).state).toBe('cancelled');
      expect(await hasImage(f.docker, reference)).toBe(false);
      const tags = (await f.docker.listImages()).flatMap((image) => image.RepoTags ?? []);
      expect(tags.some((t) => t.includes(repository))).toBe(false);
    } finally {
      await proxy.stop();
    }
  });

  it('a registry that goes away mid-pull fails the transfer with REGISTRY_UNREACHABLE and the engine words', async () => {
    const { repository, tag } = await remoteOnlyImage('down', 2, 2_000_000);
    const proxy = await ThrottledProxy.start(Number(harness().registry.split(':')[1]), 500_000);
    try {
      const started = await f.transfers.pull(`${proxy.address}/${repository}:${tag}`);
      await f.recorder.next('transfers:progress', running(started.id), 30_000, 'bytes arriving');
      proxy.unavailable();
      const failed = await f.transfers.finished(started.id);
      expect(failed.state).toBe('failed');
      expect(failed.error?.code).toBe('REGISTRY_UNREACHABLE');
      expect(failed.error?.message).toContain(`The registry ${proxy.address} could not be reached`);
      console.info(`[test] registry down mid-pull: ${failed.error?.message}`);
      expect(failed.leftOver).toMatch(/no image was tagged/);
    } finally {
      await proxy.stop();
    }
  }, 120_000);

  it('an unknown tag fails with NOT_FOUND in the engine words', async () => {
    const started = await f.transfers.pull(`${harness().registry}/berth-test/no-such-image:nope`);
    const failed = await f.transfers.finished(started.id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('NOT_FOUND');
    console.info(`[test] unknown image: ${failed.error?.message}`);
    expect(failed.error?.message).toMatch(/manifest unknown|not found/);
  });

  it('pushes to the registry as a push transfer that completes, and the registry has the manifest', async () => {
    const repository = `berth-test/push-${uniqueSuffix()}`;
    const reference = `${harness().registry}/${repository}:v2`;
    await buildLayeredImage(f.docker, reference, { layers: 2, bytesPerLayer: 200_000, base: 'scratch' });
    const started = await f.transfers.push(reference);
    expect(started.kind).toBe('push');
    const done = await f.transfers.finished(started.id);
    expect(done.error).toBeNull();
    expect(done.state).toBe('done');
    expect(done.digest).toMatch(/^sha256:/);
    expect(done.layers.every((layer) => layer.phase === 'pushed' || layer.phase === 'already-exists')).toBe(true);
    expect((await fetchManifest(harness().registry, repository, 'v2')).status).toBe(200);
    await removeImages(f.docker, [reference]);
  });

  it('through the router: a malformed reference is INVALID_REFERENCE, a good one starts a pull', async () => {
    const core = createCore({ log: silentLogger, transport: 'websocket', env: f.env });
    try {
      await core.connection.reconnect();
      for (const reference of ['Nginx', 'a:b:c', 'foo@sha256:123']) {
        const reply = await core.router.handle('images:pull', { reference });
        expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_REFERENCE' } });
      }
      const reply = await core.router.handle('images:pull', { reference: harness().registryImage });
      if (!reply.ok) expect.fail(reply.error.message);
      const transfer = reply.data as Transfer;
      expect(transfer.state).toBe('running');
      const finished = new Promise<Transfer>((resolve) =>
        core.hub.subscribe((event, payload) => {
          if (
            event === 'transfers:progress' &&
            (payload as Transfer).id === transfer.id &&
            (payload as Transfer).state !== 'running'
          )
            resolve(payload as Transfer);
        }),
      );
      expect((await finished).state).toBe('done');
      const listed = await core.router.handle('transfers:list', {});
      expect(listed.ok && (listed.data as Transfer[]).some((t) => t.id === transfer.id)).toBe(true);
      expect(await core.router.handle('transfers:cancel', { id: 'no-such' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    } finally {
      await core.close();
    }
  });
});
