// Image operations through the core's Router against the harness engine: counts of containers per image,
// remove refused while in use (CONFLICT with the engine's words) and forced, prune, tag, history, events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestContainers, TEST_LABEL } from '../../../harness/containers';
import { HubRecorder } from '../hub-recorder';
import { removeImages, uniqueSuffix } from '../../../harness/images';
import { buildFromBusybox, startTestCore, type TestCore } from '../run/run-fixture';

let t: TestCore;
let recorder: HubRecorder;
const suffix = uniqueSuffix();
const repo = `berth-int/images-${suffix}`;
const images: string[] = [];

beforeAll(async () => {
  t = await startTestCore();
  recorder = new HubRecorder(t.core.hub);
});

afterAll(async () => {
  recorder?.dispose();
  if (t) {
    await removeTestContainers(t.docker);
    await removeImages(t.docker, images);
    await t.close();
  }
});

const createStopped = (image: string) =>
  t.docker.createContainer({ Image: image, Cmd: ['true'], Labels: { [TEST_LABEL]: '1' } });

describe('ImagesService through the router', () => {
  it('counts the containers using each image and lists them in inspect', async () => {
    const id = await buildFromBusybox(t.docker, `${repo}:counted`, [`LABEL berth.test.unique=${suffix}-counted`]);
    images.push(id);
    const containers = [await createStopped(id), await createStopped(id)];
    const listed = (await t.call('images:list', {})).find((image) => image.id === id);
    expect(listed).toMatchObject({ repoTags: [`${repo}:counted`], containers: 2 });
    // An image nobody uses counts 0, not the engine's -1.
    const busybox = (await t.call('images:list', {})).every((image) => image.containers >= 0);
    expect(busybox).toBe(true);

    const detail = await t.call('images:inspect', { id });
    expect(detail.id).toBe(id);
    expect(detail.containers.map((c) => c.id).sort()).toEqual(containers.map((c) => c.id).sort());
    expect(detail.config.labels['berth.test.unique']).toBe(`${suffix}-counted`);
    expect(detail.layers.length).toBeGreaterThan(0);
  });

  it('refuses to remove an image in use with CONFLICT and the engine message; force removes it', async () => {
    const id = await buildFromBusybox(t.docker, `${repo}:in-use`, [`LABEL berth.test.unique=${suffix}-in-use`]);
    images.push(id);
    const container = await createStopped(`${repo}:in-use`);
    const refused = await t.failure('images:remove', { id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/must be forced|must force/i);
    expect(refused.message).toContain(container.id.slice(0, 12));

    const removed = await t.call('images:remove', { id, force: true });
    expect(removed.untagged).toContain(`${repo}:in-use`);
    expect((await t.call('images:list', {})).some((image) => image.repoTags.includes(`${repo}:in-use`))).toBe(false);
    await container.remove({ force: true });
  });

  it('prunes a dangling image and reports the space reclaimed', async () => {
    const first = await buildFromBusybox(t.docker, `${repo}:moving`, [`RUN echo ${suffix}-one > /one`]);
    const second = await buildFromBusybox(t.docker, `${repo}:moving`, [`RUN echo ${suffix}-two > /two`]);
    images.push(first, second);
    // The tag moved to the second build: the first is now dangling.
    expect((await t.call('images:list', {})).find((image) => image.id === first)?.repoTags).toEqual([]);
    const pruned = await t.call('images:prune', { all: false });
    expect(pruned.deleted).toContain(first);
    expect(pruned.deleted).not.toContain(second);
    expect(pruned.spaceReclaimedBytes).toBeGreaterThan(0);
  });

  it('tags an image (checked with docker reference rules first) and announces it', async () => {
    const id = await buildFromBusybox(t.docker, `${repo}:source`, [`LABEL berth.test.unique=${suffix}-tag`]);
    images.push(id);
    const tagged = recorder.next(
      'images:changed',
      (change) => change.action === 'tag' && change.id === id,
      15_000,
      'tag event',
    );
    expect(await t.call('images:tag', { id, repository: `${repo}-copy`, tag: 'v1' })).toEqual({
      reference: `${repo}-copy:v1`,
    });
    await tagged;
    const listed = (await t.call('images:list', {})).find((image) => image.id === id);
    expect(listed?.repoTags.sort()).toEqual([`${repo}-copy:v1`, `${repo}:source`]);
    expect(await t.call('images:tag', { id, repository: `${repo}-copy` })).toEqual({
      reference: `${repo}-copy:latest`,
    });

    const bad = await t.failure('images:tag', { id, repository: 'Berth/Upper' });
    expect(bad).toMatchObject({ code: 'INVALID_REFERENCE', message: expect.stringMatching(/uppercase/) });
  });

  it('reads the layer history', async () => {
    const history = await t.call('images:history', { id: `${repo}:source` });
    expect(history.length).toBeGreaterThan(1);
    expect(history[0]!.createdBy).toMatch(/LABEL berth\.test\.unique/);
    expect(history.some((entry) => /busybox/.test(entry.createdBy))).toBe(true);
  });

  it('answers NOT_FOUND for an unknown image', async () => {
    expect((await t.failure('images:inspect', { id: 'berth-int/no-such-image:x' })).code).toBe('NOT_FOUND');
  });
});
