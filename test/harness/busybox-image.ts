// Owns the tiny test image: busybox-static's /bin/busybox in a scratch image, built by the engine itself
// (no image can be pulled from the internet here), and moving images to and from the private registry.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';

const BUSYBOX = '/bin/busybox';

const DOCKERFILE = [
  'FROM scratch',
  'COPY busybox /bin/busybox',
  'RUN ["/bin/busybox","--install","-s","/bin"]',
  'CMD ["/bin/sh"]',
  '',
].join('\n');

/** Builds `tag` from busybox-static; throws with the build's own error message when it fails. */
export async function buildBusyboxImage(docker: Dockerode, tag: string): Promise<void> {
  const context = await mkdtemp(join(tmpdir(), 'berth-busybox-'));
  try {
    await copyFile(BUSYBOX, join(context, 'busybox')).catch((error: Error) => {
      throw new Error(
        `[harness] cannot copy ${BUSYBOX} (install busybox-static: npm run setup:test): ${error.message}`,
      );
    });
    await writeFile(join(context, 'Dockerfile'), DOCKERFILE);
    // dockerode packs the listed files into the tar stream the engine expects.
    const stream = await docker.buildImage(
      { context, src: ['Dockerfile', 'busybox'] },
      { t: tag, rm: true, forcerm: true },
    );
    await followStream(docker, stream, `build of ${tag}`);
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

/**
 * Tags `localTag` as `<registryAddress>/<localTag>` and pushes it; returns the pushed reference.
 * A loopback registry needs no TLS and, without htpasswd, an empty auth config; the engine still insists on
 * an X-Registry-Auth header, which dockerode sends only for a given config.
 */
export async function pushImage(
  docker: Dockerode,
  localTag: string,
  registryAddress: string,
  auth: Dockerode.AuthConfig = {},
): Promise<string> {
  const [repository, tag = 'latest'] = splitTag(localTag);
  const remoteRepository = `${registryAddress}/${repository}`;
  await docker.getImage(localTag).tag({ repo: remoteRepository, tag });
  const stream = await docker.getImage(`${remoteRepository}:${tag}`).push({ authconfig: auth });
  await followStream(docker, stream, `push of ${remoteRepository}:${tag}`);
  return `${remoteRepository}:${tag}`;
}

/** Pulls `reference` (e.g. from the private registry) and reads the progress to its end. */
export async function pullImage(docker: Dockerode, reference: string, auth: Dockerode.AuthConfig = {}): Promise<void> {
  const stream = await docker.pull(reference, { authconfig: auth });
  await followStream(docker, stream, `pull of ${reference}`);
}

// A tag's colon comes after the last slash; a colon before it belongs to a registry's port.
function splitTag(reference: string): [string, string | undefined] {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  return colon > slash ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, undefined];
}

interface ProgressFrame {
  error?: string;
  errorDetail?: { message?: string };
}

/** Reads a build/push progress stream to its end; the engine reports failures as frames, not HTTP errors. */
function followStream(docker: Dockerode, stream: NodeJS.ReadableStream, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(stream, (error: Error | null, frames: ProgressFrame[]) => {
      if (error) {
        reject(new Error(`[harness] ${what} failed: ${error.message}`));
        return;
      }
      const failed = frames.find((frame) => frame.error !== undefined || frame.errorDetail !== undefined);
      if (failed) reject(new Error(`[harness] ${what} failed: ${failed.errorDetail?.message ?? failed.error}`));
      else resolve();
    });
  });
}
