// Reads the docker CLI's own configuration (`$DOCKER_CONFIG` or `~/.docker`): which context is current, and a
// context's endpoint and TLS material. Berth follows the user's docker setup instead of keeping its own.
// Missing files are normal (a fresh machine has none); a corrupt file becomes a reason the user can act on.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { errorMessage } from '../../shared/error-message.js';

/** The file access discovery needs; injected so tests run against fixture folders and a chosen platform. */
export interface ConfigFs {
  /** Reads a UTF-8 file; throws (with `code: 'ENOENT'`) when it does not exist, like `fs.readFileSync`. */
  readFile(file: string): string;
}

export type ConfigRead<T> = { ok: true; value: T } | { ok: false; reason: string };

/** TLS material as PEM text, as the docker CLI keeps it for a context or in `DOCKER_CERT_PATH`. */
export interface TlsMaterial {
  ca?: string;
  cert?: string;
  key?: string;
  /** False when the user chose to skip verifying the engine's certificate (`SkipTLSVerify`). */
  verify: boolean;
}

export interface DockerContext {
  name: string;
  /** The context's docker endpoint, e.g. `unix:///run/user/1000/docker.sock` or `ssh://me@box`. */
  host: string;
  /** Null when the context uses plain TCP or a socket (no TLS data stored and verification not skipped). */
  tls: TlsMaterial | null;
}

export function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

export function dockerConfigDir(
  env: Record<string, string | undefined>,
  homedir: string,
  platform: NodeJS.Platform,
): string {
  return env.DOCKER_CONFIG || pathApi(platform).join(homedir, '.docker');
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Reads a file, telling "absent" (undefined) apart from "present but unreadable" (thrown). */
export function readOptional(fs: ConfigFs, file: string): string | undefined {
  try {
    return fs.readFile(file);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** `currentContext` from config.json; null when there is no config or it names none. */
export function readCurrentContext(
  fs: ConfigFs,
  configDir: string,
  platform: NodeJS.Platform,
): ConfigRead<string | null> {
  const file = pathApi(platform).join(configDir, 'config.json');
  let text: string | undefined;
  try {
    text = readOptional(fs, file);
  } catch (error) {
    return { ok: false, reason: `The docker config ${file} cannot be read: ${errorMessage(error)}.` };
  }
  if (text === undefined || text.trim() === '') return { ok: true, value: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: `The docker config ${file} is not valid JSON (${errorMessage(error)}). Fix or remove the file.`,
    };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, reason: `The docker config ${file} is not a JSON object. Fix or remove the file.` };
  }
  const current = (parsed as { currentContext?: unknown }).currentContext;
  if (current === undefined || current === null || current === '') return { ok: true, value: null };
  if (typeof current !== 'string') {
    return { ok: false, reason: `The docker config ${file} has a currentContext that is not a string. Fix the file.` };
  }
  return { ok: true, value: current };
}

/** The docker CLI stores each context under the SHA-256 of its name, so any name is a safe folder name. */
export function contextDigest(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

interface ContextMeta {
  Name?: unknown;
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

/** Reads a named context's docker endpoint and TLS files; `origin` says where the name came from, for messages. */
export function readContext(
  fs: ConfigFs,
  configDir: string,
  name: string,
  origin: string,
  platform: NodeJS.Platform,
): ConfigRead<DockerContext> {
  const p = pathApi(platform);
  const digest = contextDigest(name);
  const metaFile = p.join(configDir, 'contexts', 'meta', digest, 'meta.json');
  const fixHint = `Fix it, or choose another context with "docker context use default".`;
  let text: string | undefined;
  try {
    text = readOptional(fs, metaFile);
  } catch (error) {
    return {
      ok: false,
      reason: `The docker context "${name}" (${origin}) cannot be read from ${metaFile}: ${errorMessage(error)}.`,
    };
  }
  if (text === undefined) {
    return {
      ok: false,
      reason: `The docker context "${name}" (${origin}) does not exist: there is no ${metaFile}. Run "docker context ls" to see your contexts, or choose one with "docker context use".`,
    };
  }
  let meta: ContextMeta;
  try {
    meta = JSON.parse(text) as ContextMeta;
  } catch (error) {
    return {
      ok: false,
      reason: `The docker context "${name}" (${origin}) has a corrupt ${metaFile} (${errorMessage(error)}). ${fixHint}`,
    };
  }
  const docker = meta && typeof meta === 'object' ? meta.Endpoints?.docker : undefined;
  const host = docker?.Host;
  if (typeof host !== 'string' || host === '') {
    return {
      ok: false,
      reason: `The docker context "${name}" (${origin}) has no docker endpoint host in ${metaFile}. ${fixHint}`,
    };
  }
  const tlsDir = p.join(configDir, 'contexts', 'tls', digest, 'docker');
  const files: Partial<Record<'ca' | 'cert' | 'key', string>> = {};
  for (const kind of ['ca', 'cert', 'key'] as const) {
    const file = p.join(tlsDir, `${kind}.pem`);
    try {
      const pem = readOptional(fs, file);
      if (pem !== undefined) files[kind] = pem;
    } catch (error) {
      return {
        ok: false,
        reason: `The TLS file ${file} of docker context "${name}" cannot be read: ${errorMessage(error)}.`,
      };
    }
  }
  const skipVerify = docker?.SkipTLSVerify === true;
  // Like the docker CLI: TLS only when the context stores TLS data or explicitly skips verification.
  const hasTls = Object.keys(files).length > 0 || skipVerify;
  return { ok: true, value: { name, host, tls: hasTls ? { ...files, verify: !skipVerify } : null } };
}
