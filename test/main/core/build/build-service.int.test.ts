// Builds through the core's router against the harness engine: a one-line Dockerfile built and run, a failing
// step named in the error, `.dockerignore` respected, a missing Dockerfile or folder refused with specific
// errors, and a build cancelled by closing its stream; each end is also told to every client as `images:built`
// (the desktop shell's notification).
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBuiltImage } from '../../../../main/shared/build-types';
import type { BuildEnded } from '../../../../main/shared/notice-types';
import { harness } from '../../../harness/context';
import { removeTestContainers, TEST_LABEL } from '../../../harness/containers';
import { removeImages, uniqueSuffix } from '../../../harness/images';
import { startTestCore, type TestCore } from '../run/run-fixture';
import { contextFolder, startBuild } from './build-fixture';

let t: TestCore;
const suffix = uniqueSuffix();
const repo = `berth-int/build-${suffix}`;
const folders: string[] = [];
const images: string[] = [];

const builtEvents: BuildEnded[] = [];

beforeAll(async () => {
  t = await startTestCore();
  t.core.hub.subscribe((event, payload) => {
    if (event === 'images:built') builtEvents.push(payload as BuildEnded);
  });
});

/** The `images:built` events of builds tagged `tag`. */
const endsOf = (tag: string) => builtEvents.filter((ended) => ended.tag === tag);

afterAll(async () => {
  if (t) {
    await removeTestContainers(t.docker);
    await removeImages(t.docker, images);
    await t.close();
  }
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const made = await contextFolder(files);
  folders.push(made);
  return made;
}

/** Runs `cmd` in a container of `image` and returns its output. */
async function runIn(image: string, cmd: string[]): Promise<string> {
  const container = await t.docker.createContainer({ Image: image, Cmd: cmd, Labels: { [TEST_LABEL]: '1' } });
  await container.start();
  await container.wait();
  const logs = await container.logs({ stdout: true, stderr: true });
  await container.remove({ force: true });
  // Non-TTY logs carry an 8-byte header per frame; the text is what matters here.
  return logs.toString('latin1');
}

describe('images:build', () => {
  it('builds a one-line Dockerfile, streams the steps and ends with the image, which runs', async () => {
    const context = await folder({ Dockerfile: `FROM ${harness().busyboxImage}\nRUN echo hi > /hi\n` });
    const build = await startBuild(t, { context, tag: `${repo}:one` });
    const end = await build.ended;
    expect(end.error).toBeNull();
    expect(end.exitCode).toBe(0);
    const text = build.text();
    expect(text).toMatch(/Sending the build context to the engine: 1 file, \d+ B/);
    expect(text).toContain('Step 2/2 : RUN echo hi > /hi');
    const built = parseBuiltImage(text);
    expect(built?.tag).toBe(`${repo}:one`);
    expect(built?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    images.push(built!.id);
    expect((await t.docker.getImage(`${repo}:one`).inspect()).Id).toBe(built!.id);
    expect(await runIn(`${repo}:one`, ['cat', '/hi'])).toContain('hi');
    expect(endsOf(`${repo}:one`)).toEqual([
      expect.objectContaining({ outcome: 'built', imageId: built!.id, error: null, folder: context }),
    ]);
  });

  it('passes build args and the target stage, and builds without cache when asked', async () => {
    const context = await folder({
      'docker/app.Dockerfile': [
        `FROM ${harness().busyboxImage} AS first`,
        'ARG GREETING',
        'RUN echo "first $GREETING" > /stage',
        `FROM ${harness().busyboxImage} AS second`,
        'RUN echo second > /stage',
        '',
      ].join('\n'),
    });
    const request = {
      context,
      dockerfile: 'docker/app.Dockerfile',
      tag: `${repo}:target`,
      buildArgs: [{ key: 'GREETING', value: `hello-${suffix}` }],
      target: 'first',
    };
    const build = await startBuild(t, request);
    expect((await build.ended).error).toBeNull();
    images.push(parseBuiltImage(build.text())!.id);
    expect(await runIn(`${repo}:target`, ['cat', '/stage'])).toContain(`first hello-${suffix}`);
    expect(build.text()).not.toContain('echo second');
    const again = await startBuild(t, { ...request, noCache: true });
    expect((await again.ended).error).toBeNull();
    expect(again.text()).not.toContain('Using cache');
  });

  it('says which step failed and how, with the exit code', async () => {
    const context = await folder({ Dockerfile: `FROM ${harness().busyboxImage}\nRUN false\n` });
    const build = await startBuild(t, { context, tag: `${repo}:fails` });
    const end = await build.ended;
    expect(end.error?.message).toContain('Step 2/2 : RUN false');
    expect(end.error?.message).toMatch(/returned a non-zero code: 1/);
    expect(end.exitCode).toBe(1);
    expect(parseBuiltImage(build.text())).toBeNull();
    await expect(t.docker.getImage(`${repo}:fails`).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(endsOf(`${repo}:fails`)).toEqual([
      expect.objectContaining({ outcome: 'failed', imageId: null, error: expect.stringContaining('RUN false') }),
    ]);
  });

  it('respects .dockerignore: ignored files are neither sent nor in the image; exceptions are', async () => {
    const context = await folder({
      Dockerfile: `FROM ${harness().busyboxImage}\nCOPY . /ctx\n`,
      '.dockerignore': 'big.bin\n**/secret.txt\nlogs\n!logs/keep.log\n',
      'big.bin': Buffer.alloc(32 * 1024 * 1024, 1),
      'app/secret.txt': 'secret',
      'app/main.txt': 'main',
      'logs/drop.log': 'drop',
      'logs/keep.log': 'keep',
    });
    const build = await startBuild(t, { context, tag: `${repo}:ignored` });
    expect((await build.ended).error).toBeNull();
    images.push(parseBuiltImage(build.text())!.id);
    // Dockerfile, .dockerignore, app/main.txt and logs/keep.log: a few bytes, not the 32 MiB file.
    expect(build.text()).toMatch(/: 4 files, \d+ B, 3 left out by \.dockerignore/);
    const listing = await runIn(`${repo}:ignored`, ['find', '/ctx']);
    expect(listing).toContain('/ctx/app/main.txt');
    expect(listing).toContain('/ctx/logs/keep.log');
    expect(listing).not.toContain('big.bin');
    expect(listing).not.toContain('secret.txt');
    expect(listing).not.toContain('drop.log');
  });

  it('refuses a missing Dockerfile, a missing folder and a relative path with specific errors', async () => {
    const empty = await folder({ 'README.md': 'no Dockerfile here' });
    const missing = await t.failure('images:build', { streamId: crypto.randomUUID(), context: empty });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain(`There is no Dockerfile in ${empty}`);
    const named = await t.failure('images:build', {
      streamId: crypto.randomUUID(),
      context: empty,
      dockerfile: 'build/Dockerfile.dev',
    });
    expect(named.message).toContain('There is no build/Dockerfile.dev');
    const outside = await t.failure('images:build', {
      streamId: crypto.randomUUID(),
      context: empty,
      dockerfile: '../Dockerfile',
    });
    expect(outside).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(outside.message).toContain('inside the build context');
    const gone = await t.failure('images:build', {
      streamId: crypto.randomUUID(),
      context: `/nonexistent/berth-${suffix}`,
    });
    expect(gone).toMatchObject({ code: 'NOT_FOUND' });
    expect(gone.message).toContain('does not exist');
    const relative = await t.failure('images:build', { streamId: crypto.randomUUID(), context: 'some/folder' });
    expect(relative).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(relative.message).toContain('absolute');
    const badTag = await t.failure('images:build', { streamId: crypto.randomUUID(), context: empty, tag: 'Bad:Tag:x' });
    expect(badTag.code).toBe('INVALID_REFERENCE');
  });

  it('cancels the build when its stream is closed: the step stops and no image is tagged', async () => {
    const marker = `berth-cancel-${suffix}`;
    const context = await folder({ Dockerfile: `FROM ${harness().busyboxImage}\nRUN sleep 120 && echo ${marker}\n` });
    const build = await startBuild(t, { context, tag: `${repo}:cancelled` });
    const stepContainer = async () =>
      (await t.docker.listContainers({ all: true })).find((container) => container.Command.includes(marker));
    await waitFor(async () => (await stepContainer()) !== undefined, 60_000, 'the RUN step to start');
    await t.call('streams:close', { id: build.streamId });
    // The engine stops and removes the step's container (forcerm) once the request is gone, long before
    // its 120 s sleep would end.
    await waitFor(async () => (await stepContainer()) === undefined, 60_000, 'the RUN step container to go');
    await expect(t.docker.getImage(`${repo}:cancelled`).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(endsOf(`${repo}:cancelled`)).toEqual([expect.objectContaining({ outcome: 'cancelled', error: null })]);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`[test] timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
