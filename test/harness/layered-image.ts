// Builds test images with real, multi-MB layers: one `COPY` of a file of random bytes (made here in Node) per
// layer, on top of the harness busybox image or of `scratch`. Random data does not compress, so the layers the
// registry stores (and a pull downloads) are as big as asked; pulls then take measurable time.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';

export interface LayeredImageOptions {
  layers: number;
  bytesPerLayer: number;
  /** The image to build on: the harness busybox image by default; `scratch` gives an image of only these layers. */
  base?: string;
  /** The image's CMD (exec form); the base image's when absent. */
  cmd?: string[];
}

/** Builds `tag` in the engine; throws with the build's own message when it fails. */
export async function buildLayeredImage(docker: Dockerode, tag: string, options: LayeredImageOptions): Promise<void> {
  const base = options.base ?? 'berth-test/busybox:latest';
  const lines = [`FROM ${base}`];
  const files: string[] = [];
  const context = await mkdtemp(join(tmpdir(), 'berth-layered-'));
  try {
    for (let layer = 0; layer < options.layers; layer += 1) {
      const file = `layer-${layer}`;
      await writeFile(join(context, file), randomBytes(options.bytesPerLayer));
      files.push(file);
      lines.push(`COPY ${file} /data/${file}`);
    }
    if (options.cmd) lines.push(`CMD ${JSON.stringify(options.cmd)}`);
    await writeFile(join(context, 'Dockerfile'), `${lines.join('\n')}\n`);
    const stream = await docker.buildImage(
      { context, src: ['Dockerfile', ...files] },
      { t: tag, rm: true, forcerm: true, nocache: true },
    );
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (error: Error | null, frames: Array<{ error?: string; errorDetail?: { message?: string } }>) => {
          const failed = error?.message ?? frames.find((frame) => frame.error !== undefined)?.errorDetail?.message;
          if (failed) reject(new Error(`[harness] build of ${tag} failed: ${failed}`));
          else resolve();
        },
      );
    });
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}
