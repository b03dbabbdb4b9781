// logs:follow and logs:fetch against the harness engine through the core's router: stdout and stderr told
// apart, a TTY container, the stream's end when the container stops or is removed, and 100k lines streamed
// in coalesced events and paged back through logs:fetch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness } from '../../../harness/context';
import { removeTestContainers, runTestContainer, TEST_LABEL } from '../../../harness/containers';
import { startTestCore, type TestCore } from '../run/run-fixture';
import { LogStreamCollector, type CollectedLine } from './log-stream-collector';

let t: TestCore;
const collectors: LogStreamCollector[] = [];

function collector(): LogStreamCollector {
  const each = new LogStreamCollector(t.core.hub);
  collectors.push(each);
  return each;
}

beforeAll(async () => {
  t = await startTestCore();
});

afterAll(async () => {
  for (const each of collectors) each.dispose();
  await t?.close();
  if (t) await removeTestContainers(t.docker);
});

describe('logs:follow', () => {
  it('follows a running container, stdout and stderr apart and each in order, with timestamps', async () => {
    const container = await runTestContainer(t.docker, {
      image: harness().busyboxImage,
      cmd: ['sh', '-c', 'i=0; while [ $i -lt 20 ]; do echo out$i; echo err$i >&2; i=$((i+1)); done; sleep 3600'],
    });
    const logs = collector();
    await t.call('logs:follow', { streamId: logs.id, id: container.id });
    await logs.until(() => logs.lines.length >= 40, 30_000, '40 lines');
    const out = logs.lines.filter((line) => line.fd === 'stdout').map((line) => line.text);
    const err = logs.lines.filter((line) => line.fd === 'stderr').map((line) => line.text);
    expect(out).toEqual(Array.from({ length: 20 }, (_, i) => `out${i}`));
    expect(err).toEqual(Array.from({ length: 20 }, (_, i) => `err${i}`));
    for (const line of logs.lines) expect(line.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    expect(logs.end).toBeNull();

    // Lines written after the follow began arrive too.
    await (
      await t.docker.getContainer(container.id).exec({ Cmd: ['sh', '-c', 'echo later > /proc/1/fd/1'] })
    ).start({});
    await logs.until(() => logs.lines.some((line) => line.text === 'later'), 30_000, 'a later line');
    await t.call('streams:close', { id: logs.id });
  });

  it("passes a TTY container's output as it is, colours included, all as stdout", async () => {
    const container = await runTestContainer(t.docker, {
      image: harness().busyboxImage,
      cmd: ['sh', '-c', 'echo hello-tty; printf "\\033[31mred\\033[0m\\n"; echo to-err >&2; sleep 3600'],
    });
    // runTestContainer has no TTY option; a TTY container is created here the same way.
    await container.remove({ force: true });
    const tty = await t.docker.createContainer({
      Image: harness().busyboxImage,
      Cmd: ['sh', '-c', 'echo hello-tty; printf "\\033[31mred\\033[0m\\n"; echo to-err >&2; sleep 3600'],
      Tty: true,
      Labels: { [TEST_LABEL]: '1' },
      StopTimeout: 1,
    });
    await tty.start();
    const logs = collector();
    await t.call('logs:follow', { streamId: logs.id, id: tty.id });
    await logs.until(() => logs.lines.length >= 3, 30_000, '3 TTY lines');
    expect(logs.lines.map((line) => [line.fd, line.text])).toEqual([
      ['stdout', 'hello-tty'],
      ['stdout', '\u001b[31mred\u001b[0m'],
      ['stdout', 'to-err'],
    ]);
    await t.call('streams:close', { id: logs.id });
  });

  it('ends when the container stops, with its exit code', async () => {
    const container = await runTestContainer(t.docker, {
      image: harness().busyboxImage,
      cmd: ['sh', '-c', 'echo started; trap "exit 3" TERM; sleep 3600 & wait'],
    });
    const logs = collector();
    await t.call('logs:follow', { streamId: logs.id, id: container.id });
    await logs.until(() => logs.lines.length >= 1, 30_000, 'the first line');
    await container.stop({ t: 5 });
    const end = await logs.ended(30_000);
    expect(end).toMatchObject({ error: null, exitCode: 3 });
    expect(logs.lines.map((line) => line.text)).toEqual(['started']);
  });

  it('ends with an error when the container is removed mid-follow', async () => {
    const container = await runTestContainer(t.docker, {
      image: harness().busyboxImage,
      cmd: ['sh', '-c', 'echo started; sleep 3600'],
    });
    const logs = collector();
    await t.call('logs:follow', { streamId: logs.id, id: container.id });
    await logs.until(() => logs.lines.length >= 1, 30_000, 'the first line');
    await container.remove({ force: true });
    const end = await logs.ended(30_000);
    expect(end.error?.code).toBe('NOT_FOUND');
    expect(end.error?.message).toMatch(/was removed/);
  });

  it('refuses an absent container without opening anything', async () => {
    const logs = collector();
    const error = await t.failure('logs:follow', { streamId: logs.id, id: 'berth-logs-absent' });
    expect(error.code).toBe('NOT_FOUND');
    // The id is free again: nothing was left open under it.
    await expect(t.call('streams:close', { id: logs.id })).resolves.toEqual({ id: logs.id });
  });
});

describe('100k lines', () => {
  const total = 100_000;
  let id = '';
  let allLines: CollectedLine[] = [];

  beforeAll(async () => {
    const container = await runTestContainer(t.docker, {
      image: harness().busyboxImage,
      cmd: ['sh', '-c', `seq 1 ${total} | sed 's/^/line /; s/$/ of a container that writes a lot/'`],
    });
    id = container.id;
    await container.wait();
  }, 180_000);

  it('streams them all in order in a few coalesced events, each bounded in size', async () => {
    const logs = collector();
    await t.call('logs:follow', { streamId: logs.id, id });
    const end = await logs.ended(120_000);
    expect(end).toMatchObject({ error: null, exitCode: 0 });
    expect(logs.lines).toHaveLength(total);
    expect(logs.lines[0].text).toBe('line 1 of a container that writes a lot');
    expect(logs.lines.at(-1)?.text).toBe(`line ${total} of a container that writes a lot`);
    // The registry sends one event per flush, not one per line, and never holds more than its flush size.
    expect(logs.events).toBeLessThan(total / 50);
    expect(logs.largestEventChars).toBeLessThan(512 * 1024);
    allLines = logs.lines;
    logs.dispose();
  }, 180_000);

  it('a tail shows the last lines only, and logs:fetch pages back through the older ones', async () => {
    const logs = collector();
    await t.call('logs:follow', { streamId: logs.id, id, tail: 1000 });
    await logs.ended(60_000);
    expect(logs.lines).toHaveLength(1000);
    expect(logs.lines[0].text).toBe(`line ${total - 999} of a container that writes a lot`);

    const page = await t.call('logs:fetch', { id, before: logs.lines[0].timestamp, limit: 5000 });
    expect(page.lines).toBe(5000);
    expect(page.reachedStart).toBe(false);
    const texts = page.chunks.flatMap((chunk) => chunk.text.split('\n').filter(Boolean));
    expect(texts[0]).toMatch(new RegExp(` line ${total - 5999} of`));
    expect(texts.at(-1)).toMatch(new RegExp(` line ${total - 1000} of`));

    // Before the 501st line: the first 500 lines, and nothing older.
    const start = await t.call('logs:fetch', { id, before: allLines[500].timestamp, limit: 1000 });
    expect(start).toMatchObject({ lines: 500, reachedStart: true });
    const startTexts = start.chunks.flatMap((chunk) => chunk.text.split('\n').filter(Boolean));
    expect(startTexts[0]).toMatch(/Z line 1 of/);
    expect(startTexts.at(-1)).toMatch(/Z line 500 of/);
  }, 180_000);
});
