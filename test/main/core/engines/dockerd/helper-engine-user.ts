// Run by helper-engine.int.test.ts as a normal user (never root). `run`: Berth's core adds its own engine with
// the given setting (auto or helper), which must come up as root through the privileged helper (sudo -n here:
// no display), pings its socket as this user, loads the busybox image the test saved from the harness engine,
// runs one container, stops the engine and closes the core. `refused`: the same add must fail, and the error is
// printed. `dies`: prints dockerd's pid for the test to kill (as root), then waits for Berth to see the engine
// stop on its own. Prints one JSON line with what it saw; the test checks it.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Dockerode from 'dockerode';
import { createCore } from '../../../../../main/core/create-core';
import { helperLayout } from '../../../../../main/core/engines/dockerd/helper-mode';
import { consoleLogger } from '../../../../../main/core/logger';
import type { OwnedRunAs } from '../../../../../main/shared/engine-manager-types';
import { callCore as call } from '../../core-call';

/** The text of docker's multiplexed log stream: each frame is an 8-byte header (stream, size) and its bytes. */
function demux(frames: Buffer): string {
  let text = '';
  for (let at = 0; at + 8 <= frames.length; at += 8 + frames.readUInt32BE(at + 4))
    text += frames.subarray(at + 8, at + 8 + frames.readUInt32BE(at + 4)).toString('utf8');
  return text;
}

async function loadImage(docker: Dockerode, tar: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    docker.loadImage(createReadStream(tar), (error?: Error, stream?: NodeJS.ReadableStream) => {
      if (error || !stream) return reject(error ?? new Error('no load stream'));
      docker.modem.followProgress(stream, (failed: Error | null) => (failed ? reject(failed) : resolve()));
    });
  });
}

async function run(core: ReturnType<typeof createCore>, runAs: OwnedRunAs, tar: string, image: string) {
  const added = await call(core, 'engines:add-owned', { name: 'hp', runAs });
  const docker = new Dockerode({ socketPath: helperLayout(process.getuid!()).socketPath });
  const ping = String(await docker.ping());
  const info = await docker.info();
  await loadImage(docker, tar);
  // A memory limit, which a rootless engine on cgroup v1 would store and ignore: this one is root's, so it holds.
  const container = await docker.createContainer({
    Image: image,
    Cmd: [
      'sh',
      '-c',
      'echo hello from the helper; cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max',
    ],
    HostConfig: { Memory: 64 * 1024 * 1024 },
  });
  await container.start();
  const exit = (await container.wait()) as { StatusCode: number };
  const output = demux(await container.logs({ stdout: true, stderr: true, follow: false })).trim();
  await container.remove();
  const stopped = await call(core, 'engines:stop', { id: added.id });
  return {
    added: { providerState: added.providerState, connection: added.connection.state, ownedMode: added.ownedMode },
    host: added.host,
    ping,
    securityOptions: info.SecurityOptions,
    cgroupVersion: info.CgroupVersion,
    exitCode: exit.StatusCode,
    output,
    stoppedState: stopped.providerState,
    logs: await call(core, 'engines:logs', { id: added.id }),
  };
}

async function refused(core: ReturnType<typeof createCore>, runAs: OwnedRunAs) {
  try {
    await call(core, 'engines:add-owned', { name: 'hp', runAs });
    return { error: null };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function dies(core: ReturnType<typeof createCore>, runAs: OwnedRunAs) {
  const added = await call(core, 'engines:add-owned', { name: 'hp', runAs });
  const pid = (await readFile(helperLayout(process.getuid!()).pidfile, 'utf8')).trim();
  console.log(`PID ${pid}`);
  const deadline = Date.now() + 90_000;
  let state = added.providerState;
  while (state !== 'stopped' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    state = (await call(core, 'engines:list', {})).find((view) => view.id === added.id)?.providerState ?? 'stopped';
  }
  // Queued behind the cleanup after the unexpected end (the helper's stop): the engine starts again, then stops.
  const restarted = await call(core, 'engines:start', { id: added.id });
  const stopped = await call(core, 'engines:stop', { id: added.id });
  return {
    state,
    restarted: restarted.providerState,
    stopped: stopped.providerState,
    logs: await call(core, 'engines:logs', { id: added.id }),
  };
}

async function main(): Promise<void> {
  const [what, runAs, tar, image] = process.argv.slice(2) as [string, OwnedRunAs, string, string];
  if (!['run', 'refused', 'dies'].includes(what) || !runAs)
    throw new Error('usage: helper-engine-user.ts run|refused|dies <auto|helper> [image.tar image]');
  const core = createCore({ log: consoleLogger, transport: 'websocket', env: { ...process.env } });
  try {
    const result =
      what === 'run'
        ? await run(core, runAs, tar, image)
        : what === 'dies'
          ? await dies(core, runAs)
          : await refused(core, runAs);
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await core.close();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`[helper-test] ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
