// Terminal sessions against the private engine, through the core's router as the app calls it: a shell runs
// and echoes, resizes, ends with its exit code or with the container, reattaches with its replay, and refuses
// what it must (a stopped container, no shell, another client's keystrokes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness } from '../../../harness/context';
import { removeTestContainers, runTestContainer } from '../../../harness/containers';
import { buildFromBusybox, idleCommand } from '../run/run-fixture';
import { startTerminalFixture, type TerminalFixture } from './terminal-fixture';

const size = { cols: 100, rows: 30 };

describe('terminal sessions', () => {
  let t: TerminalFixture;
  let running: string;

  beforeAll(async () => {
    t = await startTerminalFixture();
    running = (await runTestContainer(t.docker, { image: harness().busyboxImage, cmd: idleCommand })).id;
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeTestContainers(t.docker);
  });

  it('runs a shell that echoes what is typed, resizes, and ends with the exit code of the shell', async () => {
    const streamId = t.newStreamId();
    // busybox has no bash: the asked shell falls back to /bin/sh.
    const opened = await t.as('c1', 'exec:open', { streamId, id: running, shell: '/bin/bash', ...size });
    expect(opened).toMatchObject({ id: streamId, shell: '/bin/sh', user: '' });
    await t.as('c1', 'exec:input', { streamId, data: 'echo hel""lo\r' });
    await t.waitFor(streamId, /\r\nhello\r\n/);
    await t.as('c1', 'exec:input', { streamId, data: 'stty size\r' });
    await t.waitFor(streamId, /30 100/);
    await t.as('c1', 'exec:resize', { streamId, cols: 120, rows: 40 });
    await t.as('c1', 'exec:input', { streamId, data: 'stty size\r' });
    await t.waitFor(streamId, /40 120/);
    await t.as('c1', 'exec:input', { streamId, data: 'exit 7\r' });
    const end = await t.waitForEnd(streamId);
    expect(end).toMatchObject({ error: null, exitCode: 7 });
    expect(await t.as('c1', 'exec:sessions', { id: running })).toEqual([]);
  });

  it('runs as the asked user and says plainly when the user does not exist', async () => {
    const streamId = t.newStreamId();
    // The busybox image has no /etc/passwd: a uid is the user it knows.
    await t.as('c1', 'exec:open', { streamId, id: running, user: '65534', ...size });
    await t.as('c1', 'exec:input', { streamId, data: 'id -u\r' });
    await t.waitFor(streamId, /\r\n65534\r\n/);
    await t.as('c1', 'streams:close', { id: streamId });
    const error = await t.failureAs('c1', 'exec:open', {
      streamId: t.newStreamId(),
      id: running,
      user: 'ghost',
      ...size,
    });
    expect(error.code).toBe('ENGINE_REFUSED');
    expect(error.message).toMatch(/no user ghost/);
  });

  it('keeps a session when its page leaves, and replays it to the same client only', async () => {
    const first = t.newStreamId();
    const { sessionId } = await t.as('c1', 'exec:open', { streamId: first, id: running, ...size });
    await t.as('c1', 'exec:input', { streamId: first, data: 'echo before-$((6*7))\r' });
    await t.waitFor(first, /before-42/);
    await t.as('c1', 'streams:close', { id: first });

    const sessions = await t.as('c1', 'exec:sessions', { id: running });
    expect(sessions.map((each) => [each.sessionId, each.running])).toContainEqual([sessionId, true]);
    expect(await t.as('c2', 'exec:sessions', { id: running })).toEqual([]);
    const stolen = await t.failureAs('c2', 'exec:attach', { streamId: t.newStreamId(), sessionId, ...size });
    expect(stolen.code).toBe('NOT_FOUND');

    const second = t.newStreamId();
    await t.as('c1', 'exec:attach', { streamId: second, sessionId, ...size });
    await t.waitFor(second, /before-42/);
    // Another client cannot type into it, even knowing the stream's id.
    const intruder = await t.failureAs('c2', 'exec:input', { streamId: second, data: 'echo intruder\r' });
    expect(intruder.code).toBe('NOT_FOUND');
    await t.as('c1', 'exec:input', { streamId: second, data: 'echo after-$((7*7))\r' });
    await t.waitFor(second, /after-49/);
    expect(t.heard(second).text).not.toMatch(/intruder/);
    expect(t.heard(second).client).toBe('c1');
    await t.as('c1', 'exec:input', { streamId: second, data: 'exit\r' });
    expect(await t.waitForEnd(second)).toMatchObject({ error: null, exitCode: 0 });
  });

  it('ends the stream with a clear message when the container stops mid-session', async () => {
    const doomed = await runTestContainer(t.docker, { image: harness().busyboxImage, cmd: idleCommand });
    const streamId = t.newStreamId();
    await t.as('c1', 'exec:open', { streamId, id: doomed.id, ...size });
    await t.as('c1', 'exec:input', { streamId, data: 'echo ready\r' });
    await t.waitFor(streamId, /\r\nready\r\n/);
    await doomed.stop({ t: 1 });
    const end = await t.waitForEnd(streamId);
    expect(end.error?.code, JSON.stringify(end)).toBe('CONFLICT');
    expect(end.error?.message).toMatch(/stopped.*so the terminal session ended/);
  });

  it('refuses a stopped container and a container without any shell, saying why', async () => {
    const stopped = await runTestContainer(t.docker, { image: harness().busyboxImage, cmd: ['true'] });
    await stopped.wait();
    const notRunning = await t.failureAs('c1', 'exec:open', { streamId: t.newStreamId(), id: stopped.id, ...size });
    expect(notRunning.code).toBe('CONFLICT');
    expect(notRunning.message).toMatch(/is not running \(exited\)/);

    // FROM scratch with busybox outside /bin: it runs, but has neither /bin/bash nor /bin/sh.
    await buildFromBusybox(t.docker, 'berth-test/no-shell:latest', [
      'FROM scratch',
      'COPY --from=0 /bin/busybox /busybox',
      'CMD ["/busybox", "sleep", "3600"]',
    ]);
    const bare = await runTestContainer(t.docker, {
      image: 'berth-test/no-shell:latest',
      cmd: ['/busybox', 'sleep', '3600'],
    });
    const noShell = await t.failureAs('c1', 'exec:open', { streamId: t.newStreamId(), id: bare.id, ...size });
    expect(noShell.code).toBe('NOT_FOUND');
    expect(noShell.message).toMatch(/has no shell: tried \/bin\/bash, \/bin\/sh/);
  });

  it('ends the shell and what it runs in the container when the session is closed, or its client goes away', async () => {
    const container = t.docker.getContainer(running);
    const sleeping = async (marker: string) =>
      ((await container.top()).Processes ?? []).some((row: string[]) => row.join(' ').includes(marker));
    const startSleep = async (client: string, marker: string) => {
      const streamId = t.newStreamId();
      const opened = await t.as(client, 'exec:open', { streamId, id: running, ...size });
      await t.as(client, 'exec:input', { streamId, data: `${marker}\r` });
      await expect.poll(() => sleeping(marker), { timeout: 10_000 }).toBe(true);
      return opened.sessionId;
    };
    // Nothing a terminal started may outlive it: a shell left behind per closed session would pile up.
    const closed = await startSleep('c1', 'sleep 4242');
    await t.as('c1', 'exec:close', { sessionId: closed });
    await expect.poll(() => sleeping('sleep 4242'), { timeout: 10_000 }).toBe(false);
    const left = await t.as('c1', 'exec:sessions', { id: running });
    expect(left.map((each) => each.sessionId)).not.toContain(closed);
    await expect(t.as('c1', 'exec:close', { sessionId: closed })).resolves.toEqual({ ok: true });

    await startSleep('c4', 'sleep 4243');
    t.core.releaseClient('c4');
    await expect.poll(() => sleeping('sleep 4243'), { timeout: 10_000 }).toBe(false);
  });

  it('ends the sessions of a client that goes away', async () => {
    const streamId = t.newStreamId();
    await t.as('c3', 'exec:open', { streamId, id: running, ...size });
    expect(await t.as('c3', 'exec:sessions', { id: running })).toHaveLength(1);
    t.core.releaseClient('c3');
    expect(await t.as('c3', 'exec:sessions', { id: running })).toEqual([]);
    expect((await t.failureAs('c3', 'exec:input', { streamId, data: 'x' })).code).toBe('NOT_FOUND');
  });
});
