// Run by rootless-engine.int.test.ts as a normal user (never root): Berth's core adds its own engine, which must
// come up rootless, loads the busybox image the test saved from the harness engine (this user cannot pull),
// runs one container in it, stops the engine and closes the core. Prints one JSON line with what it saw; the
// test checks it, and that nothing of this user is left running.
import { createReadStream } from 'node:fs';
import Dockerode from 'dockerode';
import { createCore } from '../../../../../main/core/create-core';
import { engineLayout } from '../../../../../main/core/engines/dockerd/engine-layout';
import { consoleLogger } from '../../../../../main/core/logger';
import { callCore as call } from '../../core-call';

/** The text of docker's multiplexed log stream: each frame is an 8-byte header (stream, size) and its bytes. */
function demux(frames: Buffer): string {
  let text = '';
  for (let at = 0; at + 8 <= frames.length; at += 8 + frames.readUInt32BE(at + 4))
    text += frames.subarray(at + 8, at + 8 + frames.readUInt32BE(at + 4)).toString('utf8');
  return text;
}

async function main(): Promise<void> {
  const [name, imageTar, image] = process.argv.slice(2);
  if (!name || !imageTar || !image) throw new Error('usage: rootless-engine-user.ts <name> <image.tar> <image>');
  const env = { ...process.env };
  const core = createCore({ log: consoleLogger, transport: 'websocket', env });
  try {
    const added = await call(core, 'engines:add-owned', { name });
    const docker = new Dockerode({ socketPath: engineLayout(name, env, true).socketPath });
    const info = await docker.info();
    await new Promise<void>((resolve, reject) => {
      docker.loadImage(createReadStream(imageTar), (error?: Error, stream?: NodeJS.ReadableStream) => {
        if (error || !stream) return reject(error ?? new Error('no load stream'));
        docker.modem.followProgress(stream, (failed: Error | null) => (failed ? reject(failed) : resolve()));
      });
    });
    const container = await docker.createContainer({ Image: image, Cmd: ['echo', 'hello from rootless'] });
    await container.start();
    const exit = (await container.wait()) as { StatusCode: number };
    const logs = demux(await container.logs({ stdout: true, stderr: true, follow: false }));
    await container.remove();
    const stopped = await call(core, 'engines:stop', { id: added.id });
    console.log(
      `RESULT ${JSON.stringify({
        added: { providerState: added.providerState, connection: added.connection.state, ownedMode: added.ownedMode },
        securityOptions: info.SecurityOptions,
        cgroupVersion: info.CgroupVersion,
        cgroupDriver: info.CgroupDriver,
        exitCode: exit.StatusCode,
        output: logs.trim(),
        stoppedState: stopped.providerState,
        logs: await call(core, 'engines:logs', { id: added.id }),
      })}`,
    );
  } finally {
    await core.close();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`[rootless-test] ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
