// The install service with stand-in installers (small sh scripts run as the launcher's command): output streams
// to the client that asked, success looks for the engine again and ends cleanly, a failure ends with the
// installer's own words, a cancel reaches the installer as SIGINT, and each refusal (no install command, no
// privilege path, an install already running) answers the request before anything runs.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstallService, type InstallFacts } from '../../../../../main/core/engines/install/install-service';
import type { InstallerVerdict } from '../../../../../main/core/engines/install/installer-mode';
import { silentLogger } from '../../../../../main/core/logger';
import { StreamRegistry } from '../../../../../main/core/streams/stream-registry';
import type { EventName, EventPayloads } from '../../../../../main/shared/contract';
import type { StreamEnd } from '../../../../../main/shared/stream-types';

let dir: string;
const debian = { ID: 'debian', PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)' };

async function standIn(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

const asRoot = (installer: string): InstallerVerdict => ({
  usable: true,
  launcher: { via: 'root', command: installer, installer },
});

function setUp(facts: Partial<InstallFacts> & { verdict: InstallerVerdict }) {
  const events: { event: EventName; payload: unknown; to?: string }[] = [];
  const hub = {
    emitTo: <E extends EventName>(to: string, event: E, payload: EventPayloads[E]) =>
      events.push({ event, payload, to }),
  };
  const streams = new StreamRegistry(hub, { log: silentLogger, flushMs: 10 });
  let looked = 0;
  const service = new InstallService({
    streams,
    log: silentLogger,
    env: { PATH: process.env.PATH },
    facts: async () => ({ osRelease: debian, user: 'ann', ...facts }),
    afterInstall: async () => {
      looked += 1;
    },
  });
  const output = () =>
    events
      .filter((entry) => entry.event === 'stream:data')
      .flatMap((entry) => (entry.payload as EventPayloads['stream:data']).chunks.map((chunk) => chunk.text))
      .join('');
  const ended = async (): Promise<StreamEnd & { to?: string }> => {
    for (let waited = 0; waited < 200; waited += 1) {
      const end = events.find((entry) => entry.event === 'stream:end');
      if (end) return { ...(end.payload as StreamEnd), to: end.to };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`[test] the install stream did not end; output so far: ${output()}`);
  };
  return { service, streams, output, ended, looked: () => looked };
}

const streamId = '00000000-0000-4000-8000-00000000a001';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-install-service-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('InstallService', () => {
  it('streams the output to the client that asked, then looks for the engine again', async () => {
    const installer = await standIn(
      'ok',
      'echo "berth-engine-install: on Test: apt-get install -y docker.io"\necho "docker.io is already the newest version" >&2',
    );
    const { service, output, ended, looked } = setUp({ verdict: asRoot(installer) });
    await expect(service.install('client-1', streamId)).resolves.toEqual({ id: streamId });
    const end = await ended();
    expect(end).toEqual({ id: streamId, error: null, exitCode: 0, to: 'client-1' });
    expect(output()).toContain(`Running ${installer}\n`);
    expect(output()).toContain('docker.io is already the newest version');
    expect(output()).toContain('Installed. Berth looks for the engine again.');
    expect(looked()).toBe(1);
  });

  it("ends a failed install with the installer's own words, and does not look for the engine", async () => {
    const installer = await standIn(
      'fails',
      'echo "E: Unable to locate package docker.io"\necho "berth-engine-install: apt-get install -y docker.io failed (exit 100); its output above says why" >&2\nexit 1',
    );
    const { service, ended, looked } = setUp({ verdict: asRoot(installer) });
    await service.install('client-1', streamId);
    const end = await ended();
    expect(end.exitCode).toBe(1);
    expect(end.error).toEqual({
      code: 'ENGINE_ERROR',
      message: 'The install failed: apt-get install -y docker.io failed (exit 100); its output above says why',
    });
    expect(looked()).toBe(0);
  });

  it('refuses a second install while one runs, then cancels the first with SIGINT', async () => {
    // The stand-in stops on SIGINT the way the real installer does (its own line, exit 130).
    const installer = await standIn(
      'slow',
      'trap \'echo "berth-engine-install: apt-get was interrupted (exit 130): run the command again" >&2; exit 130\' INT\necho started\nwhile :; do sleep 0.1; done',
    );
    const { service, output, ended } = setUp({ verdict: asRoot(installer) });
    await service.install('client-1', streamId);
    await expect(service.install('client-2', '00000000-0000-4000-8000-00000000a002')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('An engine install is already running'),
    });
    for (let waited = 0; !output().includes('started') && waited < 100; waited += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.cancel()).toMatchObject({ cancelled: true });
    const end = await ended();
    expect(end.exitCode).toBe(130);
    expect(end.error).toEqual({
      code: 'CANCELLED',
      message: 'The install was cancelled: apt-get was interrupted (exit 130): run the command again',
    });
    // Once it really ended, nothing runs and a new install may start.
    expect(service.cancel()).toEqual({ cancelled: false, message: 'No engine install is running.' });
  });

  it('refuses a system without an install command, and one without a privilege path, before anything runs', async () => {
    const marker = join(dir, 'ran');
    const installer = await standIn('marks', `touch ${marker}`);
    const gentoo = setUp({ verdict: asRoot(installer), osRelease: { ID: 'gentoo', PRETTY_NAME: 'Gentoo Linux' } });
    await expect(gentoo.service.install('client-1', streamId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Berth has no install command for Gentoo Linux'),
    });
    const reason = 'sudo wants ann’s password to run Berth’s installer';
    const noPath = setUp({ verdict: { usable: false, reason } });
    await expect(noPath.service.install('client-1', streamId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `Berth cannot run its installer as root here: ${reason}`,
    });
    expect(gentoo.streams.openCount + noPath.streams.openCount).toBe(0);
    await expect(rm(marker)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps the install running when its stream is closed (the page went away)', async () => {
    const marker = join(dir, 'finished');
    const installer = await standIn('closes', `sleep 0.5\ntouch ${marker}`);
    const { service, streams } = setUp({ verdict: asRoot(installer) });
    await service.install('client-1', streamId);
    streams.close(streamId, 'client-1');
    await expect(service.install('client-1', '00000000-0000-4000-8000-00000000a003')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(service.running).toBe(true);
    for (let waited = 0; service.running && waited < 100; waited += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.running).toBe(false);
    await expect(rm(marker)).resolves.toBeUndefined();
  });

  it('says a cancel that ended the launcher before the installer ran installed nothing', async () => {
    // No trap: SIGINT ends it at once, as it ends a pkexec still waiting for the password.
    const installer = await standIn('waits', 'echo started\nexec sleep 30');
    const { service, output, ended } = setUp({ verdict: asRoot(installer) });
    await service.install('client-1', streamId);
    for (let waited = 0; !output().includes('started') && waited < 100; waited += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.cancel().cancelled).toBe(true);
    expect(await ended()).toMatchObject({
      exitCode: null,
      error: {
        code: 'CANCELLED',
        message: 'The install was cancelled before the installer started: nothing was installed.',
      },
    });
  });
});
