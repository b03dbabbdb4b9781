// containers:bulk through the core's router against the harness engine: every container tried, one absent id
// never hides the others, and a whole compose project by its label.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeTestContainers, TEST_LABEL } from '../../../harness/containers';
import { harness } from '../../../harness/context';
import { uniqueSuffix } from '../../../harness/images';
import { startTestCore, type TestCore } from '../run/run-fixture';

let t: TestCore;
const suffix = uniqueSuffix();

beforeAll(async () => {
  t = await startTestCore();
});

afterEach(async () => {
  await removeTestContainers(t.docker);
});

afterAll(async () => {
  await t?.close();
});

async function idle(name: string, labels: Record<string, string> = {}) {
  const container = await t.docker.createContainer({
    Image: harness().busyboxImage,
    name,
    Cmd: ['sleep', '3600'],
    Labels: { [TEST_LABEL]: '1', ...labels },
    StopTimeout: 1,
  });
  await container.start();
  return container;
}

describe('containers:bulk', () => {
  it('removes every container it can; an absent one fails alone, saying it no longer exists', async () => {
    const a = await idle(`berth-int-bulk-a-${suffix}`);
    const b = await idle(`berth-int-bulk-b-${suffix}`);
    const absent = `berth-int-bulk-absent-${suffix}`;
    const { results } = await t.call('containers:bulk', { action: 'remove', ids: [a.id, absent, b.id], force: true });
    expect(results.map((entry) => [entry.name, entry.ok])).toEqual([
      [`berth-int-bulk-a-${suffix}`, true],
      [absent, false],
      [`berth-int-bulk-b-${suffix}`, true],
    ]);
    expect(results[1]?.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no longer exists/) });
    const left = await t.docker.listContainers({ all: true, filters: { label: [TEST_LABEL] } });
    expect(left).toHaveLength(0);
  });

  it('remove without force: the running ones are refused one by one, the stopped one removed', async () => {
    const running = await idle(`berth-int-bulk-run-${suffix}`);
    const stopped = await idle(`berth-int-bulk-stopped-${suffix}`);
    await stopped.stop({ t: 0 });
    const { results } = await t.call('containers:bulk', { action: 'remove', ids: [running.id, stopped.id] });
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(results[0]?.error?.message).toMatch(/remove it with force/);
    expect(results[1]).toMatchObject({ ok: true, error: null });
    expect((await running.inspect()).State.Running).toBe(true);
  });

  it('acts on a whole compose project by its label, and only on it', async () => {
    const project = `berth-int-proj-${suffix}`;
    const label = { 'com.docker.compose.project': project };
    const web = await idle(`${project}_web_1`, label);
    const db = await idle(`${project}_db_1`, label);
    const outsider = await idle(`berth-int-outsider-${suffix}`);
    const paused = await t.call('containers:bulk', { action: 'pause', project });
    expect(paused.results.map((entry) => [entry.name, entry.ok])).toEqual([
      [`${project}_db_1`, true],
      [`${project}_web_1`, true],
    ]);
    expect((await web.inspect()).State.Status).toBe('paused');
    expect((await db.inspect()).State.Status).toBe('paused');
    expect((await outsider.inspect()).State.Status).toBe('running');
    const stopped = await t.call('containers:bulk', { action: 'stop', project, timeoutSeconds: 1 });
    expect(stopped.results.every((entry) => entry.ok)).toBe(true);
    expect((await web.inspect()).State.Running).toBe(false);
  });

  it('a project without containers is NOT_FOUND; ids and project together are refused', async () => {
    const error = await t.failure('containers:bulk', { action: 'start', project: `berth-int-none-${suffix}` });
    expect(error.code).toBe('NOT_FOUND');
    const both = await t.failure('containers:bulk', { action: 'start', project: 'x', ids: ['y'] });
    expect(both.code).toBe('INVALID_PAYLOAD');
    const neither = await t.failure('containers:bulk', { action: 'start' });
    expect(neither.code).toBe('INVALID_PAYLOAD');
  });

  it('kill of a mix: the running one killed, the exited one refused in plain words', async () => {
    const running = await idle(`berth-int-bulk-k1-${suffix}`);
    const exited = await idle(`berth-int-bulk-k2-${suffix}`);
    await exited.stop({ t: 0 });
    const { results } = await t.call('containers:bulk', {
      action: 'kill',
      ids: [running.id, exited.id],
      signal: 'SIGKILL',
    });
    expect(results[0]?.ok).toBe(true);
    expect(results[1]?.error?.message).toMatch(/is not running, so it cannot be killed/);
  });
});
