// Keeps a docker CLI context for each Berth-owned engine (`berth` for the embedded one, `berth-<name>` for
// others) in `$DOCKER_CONFIG/contexts` (else ~/.docker/contexts), written byte for byte as
// `docker context create <name> --description … --docker host=…` writes it, so `docker --context berth ps`
// reaches the engine. It never changes config.json: which context is current stays the user's choice.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { contextDigest, dockerConfigDir } from '../connection/docker-config';

export const EMBEDDED_ENGINE_NAME = 'berth';

export function contextNameFor(engineName: string): string {
  return engineName === EMBEDDED_ENGINE_NAME ? EMBEDDED_ENGINE_NAME : `berth-${engineName}`;
}

export function contextDescription(engineName: string): string {
  return `Berth's own engine ${engineName}`;
}

/** meta.json as the docker CLI 20.10 writes it: compact JSON, its field order, TLS verification not skipped. */
export function contextMetaJson(contextName: string, host: string, description: string): string {
  return JSON.stringify({
    Name: contextName,
    Metadata: { Description: description },
    Endpoints: { docker: { Host: host, SkipTLSVerify: false } },
  });
}

export function contextMetaDir(env: NodeJS.ProcessEnv, contextName: string): string {
  return join(dockerConfigDir(env, env.HOME || homedir(), 'linux'), 'contexts', 'meta', contextDigest(contextName));
}

export interface ContextWrite {
  name: string;
  /** False when the file already said exactly this. */
  changed: boolean;
}

/** Creates or updates the engine's context; a context already pointing at `host` is left as it is. */
export async function writeDockerContext(
  env: NodeJS.ProcessEnv,
  engineName: string,
  host: string,
): Promise<ContextWrite> {
  const name = contextNameFor(engineName);
  const dir = contextMetaDir(env, name);
  const file = join(dir, 'meta.json');
  const text = contextMetaJson(name, host, contextDescription(engineName));
  const current = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (current === text) return { name, changed: false };
  await mkdir(dir, { recursive: true, mode: 0o755 });
  // The CLI may read it at any moment: it sees the old file or the new one, never half of one.
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, text, { mode: 0o644 });
  await rename(temp, file);
  return { name, changed: true };
}

/** Deletes the context's metadata and TLS folders, as `docker context rm` does; a missing one is fine. */
export async function removeDockerContext(env: NodeJS.ProcessEnv, engineName: string): Promise<string> {
  const name = contextNameFor(engineName);
  const metaDir = contextMetaDir(env, name);
  await rm(metaDir, { recursive: true, force: true });
  await rm(join(metaDir, '..', '..', 'tls', contextDigest(name)), { recursive: true, force: true });
  return name;
}
