// Test helpers for run, replica and image tests against the harness engine: a core created as the app creates
// it (calls go through its Router, so envelopes and codes are checked end to end), and small images built
// FROM the harness busybox image.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { createCore, type Core } from '../../../../main/core/create-core';
import { silentLogger } from '../../../../main/core/logger';
import type { Channel, RequestOf, ResponseOf } from '../../../../main/shared/contract';
import type { ErrorInfo } from '../../../../main/shared/errors';
import { harness } from '../../../harness/context';

export interface TestCore {
  core: Core;
  configDir: string;
  docker: Dockerode;
  /** The reply's data; throws with the envelope's code and message when it failed. */
  call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  /** The reply's error; throws when the call succeeded. */
  failure<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ErrorInfo>;
  close(): Promise<void>;
}

export async function startTestCore(): Promise<TestCore> {
  const configDir = await mkdtemp(join(tmpdir(), 'berth-run-int-'));
  const core = createCore({
    log: silentLogger,
    transport: 'websocket',
    env: { DOCKER_HOST: harness().dockerHost, BERTH_CONFIG_DIR: configDir, DOCKER_CONFIG: configDir },
  });
  const status = await core.connection.reconnect();
  if (status.state !== 'connected') throw new Error(`[test] the core did not connect: ${JSON.stringify(status)}`);
  const call = async <C extends Channel>(channel: C, payload: RequestOf<C>) => {
    const reply = await core.router.handle(channel, payload);
    if (!reply.ok)
      throw Object.assign(new Error(`${channel} failed: ${reply.error.code}: ${reply.error.message}`), reply.error);
    return reply.data as ResponseOf<C>;
  };
  const failure = async <C extends Channel>(channel: C, payload: RequestOf<C>) => {
    const reply = await core.router.handle(channel, payload);
    if (reply.ok)
      throw new Error(`${channel} should have failed but answered ${JSON.stringify(reply.data).slice(0, 300)}`);
    return reply.error;
  };
  return {
    core,
    configDir,
    docker: new Dockerode({ socketPath: harness().socketPath }),
    call,
    failure,
    close: async () => {
      await core.close();
      await rm(configDir, { recursive: true, force: true });
    },
  };
}

/** Builds `tag` from a Dockerfile whose FROM is the harness busybox image; throws with the build's error. */
export async function buildFromBusybox(docker: Dockerode, tag: string, lines: string[]): Promise<string> {
  const context = await mkdtemp(join(tmpdir(), 'berth-build-'));
  try {
    await writeFile(join(context, 'Dockerfile'), [`FROM ${harness().busyboxImage}`, ...lines, ''].join('\n'));
    const stream = await docker.buildImage({ context, src: ['Dockerfile'] }, { t: tag, rm: true, forcerm: true });
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(stream, (error: Error | null, frames: Array<{ error?: string }>) => {
        const failed = error?.message ?? frames.find((frame) => frame.error)?.error;
        if (failed) reject(new Error(`[test] build of ${tag} failed: ${failed}`));
        else resolve();
      });
    });
    return (await docker.getImage(tag).inspect()).Id;
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

/** A command that idles and ends at once on SIGTERM (a shell as PID 1 would otherwise wait out the stop timeout). */
export const idleCommand = ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait'];
