// Reads and writes the credential parts of the docker CLI's config.json (`auths`, `credsStore`,
// `credHelpers`) in `$DOCKER_CONFIG` or `~/.docker`. Writes keep every other key as it was, go through a
// temporary file and a rename (a crash never leaves half a file), and leave the file readable by its owner only.
// Changes run one at a time per file, each re-reading the file first, so two logins at once both land; a
// config.json that is a symlink (dotfiles kept in a repository) stays one: the write goes to its target.
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, readlink, realpath, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BerthError } from '../../shared/errors';
import { dockerConfigDir } from '../connection/docker-config';
import { KeyedQueue } from '../keyed-queue';

export interface AuthEntry {
  /** base64 of `user:password`, as `docker login` stores it without a helper. */
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

export interface DockerAuthConfig {
  file: string;
  /** The whole parsed file, so a write preserves what Berth does not know about. */
  raw: Record<string, unknown>;
  auths: Record<string, AuthEntry>;
  credsStore: string | null;
  credHelpers: Record<string, string>;
}

export function configFileFor(env: NodeJS.ProcessEnv): string {
  return path.join(dockerConfigDir(env, env.HOME || os.homedir(), process.platform), 'config.json');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

export async function readAuthConfig(env: NodeJS.ProcessEnv): Promise<DockerAuthConfig> {
  const file = configFileFor(env);
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    // A fresh machine has no config: no credentials, which is not a problem.
    if ((error as { code?: string }).code !== 'ENOENT') {
      throw new BerthError('INTERNAL', `The docker config ${file} cannot be read: ${(error as Error).message}.`);
    }
  }
  let raw: Record<string, unknown> = {};
  if (text.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new BerthError(
        'INTERNAL',
        `The docker config ${file} is not valid JSON (${(error as Error).message}). Fix or remove the file.`,
      );
    }
    if (!isObject(parsed))
      throw new BerthError('INTERNAL', `The docker config ${file} is not a JSON object. Fix or remove the file.`);
    raw = parsed;
  }
  const auths: Record<string, AuthEntry> = {};
  if (isObject(raw.auths)) {
    for (const [key, value] of Object.entries(raw.auths)) if (isObject(value)) auths[key] = value as AuthEntry;
  }
  const credHelpers: Record<string, string> = {};
  if (isObject(raw.credHelpers)) {
    for (const [key, value] of Object.entries(raw.credHelpers))
      if (typeof value === 'string' && value !== '') credHelpers[key] = value;
  }
  const credsStore = typeof raw.credsStore === 'string' && raw.credsStore !== '' ? raw.credsStore : null;
  return { file, raw, auths, credsStore, credHelpers };
}

/** The file a write must replace: the symlink's final target when config.json is one (even a dangling one). */
async function writeTarget(file: string): Promise<string> {
  let current = file;
  for (let hops = 0; hops < 40; hops += 1) {
    try {
      return await realpath(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // Missing: either nothing is there (write the file itself) or a symlink points at a file still to be made.
    const link = await lstat(current).then(
      (info) => info.isSymbolicLink(),
      () => false,
    );
    if (!link) return current;
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw new BerthError('INTERNAL', `The docker config ${file} is a chain of too many symlinks.`);
}

/** Replaces `auths` in the file, keeping every other key. Callers go through updateAuths, which serialises. */
async function writeAuths(config: DockerAuthConfig, auths: Record<string, AuthEntry>): Promise<void> {
  const next = { ...config.raw, auths };
  let temporary: string | null = null;
  try {
    const target = await writeTarget(config.file);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Beside the target, so the rename is atomic and replaces the target, never the symlink.
    temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, `${JSON.stringify(next, null, '\t')}\n`, { mode: 0o600 });
    // The mode given to writeFile is masked by the umask; credentials must stay private whatever it is.
    await chmod(temporary, 0o600);
    await rename(temporary, target);
  } catch (error) {
    if (temporary) await rm(temporary, { force: true });
    if (error instanceof BerthError) throw error;
    throw new BerthError(
      'INTERNAL',
      `Berth could not save the docker config ${config.file}: ${(error as Error).message}.`,
    );
  }
}

/** One change at a time per config file in this process. */
const writes = new KeyedQueue();

/**
 * Reads the config afresh, lets `change` compute the new `auths` from the current ones (null: nothing to
 * write) and saves it, after any change already under way for the same file. Returns the config it read.
 */
export function updateAuths(
  env: NodeJS.ProcessEnv,
  change: (config: DockerAuthConfig) => Record<string, AuthEntry> | null,
): Promise<DockerAuthConfig> {
  return writes.run(configFileFor(env), async () => {
    const config = await readAuthConfig(env);
    const next = change(config);
    if (next) await writeAuths(config, next);
    return config;
  });
}

export function decodeAuth(entry: AuthEntry): { username: string | null; password: string | null } {
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const text = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon > 0) return { username: text.slice(0, colon), password: text.slice(colon + 1) };
  }
  return {
    username: typeof entry.username === 'string' ? entry.username : null,
    password: typeof entry.password === 'string' ? entry.password : null,
  };
}

export function encodeAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
