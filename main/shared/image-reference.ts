// Parses and normalises image references exactly as docker does (distribution/reference: ParseNormalizedNamed),
// but explains each refusal in plain words instead of docker's "invalid reference format". Shared by the core
// (which refuses bad references before asking the engine) and the renderer (which checks as the user types).

export interface ParsedReference {
  /** `docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  registry: string;
  /** The path without the registry; Docker Hub's official images carry `library/`. */
  repository: string;
  /** Null when only a digest was given. */
  tag: string | null;
  digest: string | null;
  /** `docker.io/library/nginx:latest`; the tag defaults to `latest` only when there is no digest. */
  normalised: string;
  /** How docker shows it: `nginx:latest`, `ghcr.io/o/r@sha256:…`. */
  familiar: string;
}

export type ReferenceResult = { ok: true; value: ParsedReference } | { ok: false; message: string };

export const dockerHubRegistry = 'docker.io';
/** The key the docker CLI uses for Docker Hub in config.json and with credential helpers. */
export const dockerHubConfigKey = 'https://index.docker.io/v1/';

const nameTotalLengthMax = 255;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const pathComponentPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const domainComponentPattern = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const ipv6Pattern = /^\[[a-fA-F0-9:]+\]$/;
/** go-digest's algorithms with their hex lengths; docker accepts these and refuses the rest. */
const digestHexLengths: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

const refuse = (message: string): ReferenceResult => ({ ok: false, message });

function checkDigest(digest: string): string | null {
  const colon = digest.indexOf(':');
  const algorithm = colon < 0 ? '' : digest.slice(0, colon);
  const hex = colon < 0 ? '' : digest.slice(colon + 1);
  const length = digestHexLengths[algorithm];
  if (length === undefined || hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
    return `a digest must be sha256: followed by 64 hex digits (lowercase), not "${digest}"`;
  }
  return null;
}

function checkTag(tag: string): string | null {
  if (tag === '') return 'a tag cannot be empty: remove the ":" or write a tag after it';
  if (tag.length > 128) return `a tag can have at most 128 characters (this one has ${tag.length})`;
  if (!tagPattern.test(tag)) {
    return `a tag may contain only letters, digits, _ . and -, and cannot start with . or -: "${tag}"`;
  }
  return null;
}

function checkDomain(domain: string): string | null {
  const colon = domain.startsWith('[') ? domain.indexOf(':', domain.indexOf(']')) : domain.indexOf(':');
  const host = colon < 0 ? domain : domain.slice(0, colon);
  const port = colon < 0 ? null : domain.slice(colon + 1);
  if (port !== null && !/^[0-9]+$/.test(port)) return `a registry port must be a number: "${domain}"`;
  if (ipv6Pattern.test(host)) return null;
  if (host === '' || !host.split('.').every((part) => domainComponentPattern.test(part))) {
    return `"${domain}" is not a valid registry host: use letters, digits, - and dots (like ghcr.io or localhost:5000)`;
  }
  return null;
}

function checkPath(path: string, shown: string): string | null {
  if (path.includes(':')) {
    return `"${shown}" has more than one ":": only a tag follows a ":" (a port belongs to a registry host, like localhost:5000/name)`;
  }
  if (path.toLowerCase() !== path) return `uppercase letters are not allowed in a repository name: "${shown}"`;
  for (const part of path.split('/')) {
    if (part === '')
      return `a repository name cannot have an empty part (a leading, doubled or trailing "/"): "${shown}"`;
    if (!pathComponentPattern.test(part)) {
      return `"${part}" is not a valid part of a repository name: use lowercase letters and digits, joined by single ".", "_", "__" or "-"`;
    }
  }
  return null;
}

/** Docker's splitDockerDomain: the first part is a registry when it has a `.` or `:` or is `localhost`. */
function splitDomain(name: string): { registry: string; path: string } {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  if (slash < 0 || (!/[.:]/.test(first) && first !== 'localhost')) {
    return { registry: dockerHubRegistry, path: name };
  }
  const registry = first === 'index.docker.io' ? dockerHubRegistry : first;
  return { registry, path: name.slice(slash + 1) };
}

export function parseReference(input: string): ReferenceResult {
  // Pasted references often carry stray spaces or a newline; they are never part of a name.
  const text = input.trim();
  if (text === '') return refuse('empty reference: type an image name such as nginx or nginx:1.27');
  if (/\s/.test(text)) return refuse(`a reference cannot contain spaces: "${text}"`);
  if (/^[a-f0-9]{64}$/.test(text)) return refuse('a 64-digit hex string is an image id, not a name to pull');

  const at = text.indexOf('@');
  if (at >= 0 && text.indexOf('@', at + 1) >= 0) return refuse(`a reference can have only one "@digest": "${text}"`);
  const digest = at < 0 ? null : text.slice(at + 1);
  const nameAndTag = at < 0 ? text : text.slice(0, at);
  if (digest !== null) {
    const problem = checkDigest(digest);
    if (problem) return refuse(problem);
  }
  if (nameAndTag === '') return refuse(`a reference needs a name before the digest: "${text}"`);

  // The tag's colon comes after the last slash; a colon before it belongs to a registry's port.
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : null;
  if (tag !== null) {
    const problem = checkTag(tag);
    if (problem) return refuse(problem);
  }
  if (name === '') return refuse(`a reference needs a name before the ":": "${text}"`);

  const { registry, path: rawPath } = splitDomain(name);
  if (registry !== dockerHubRegistry) {
    const problem = checkDomain(registry);
    if (problem) return refuse(problem);
  }
  const pathProblem = checkPath(rawPath, name);
  if (pathProblem) return refuse(pathProblem);
  const repository = registry === dockerHubRegistry && !rawPath.includes('/') ? `library/${rawPath}` : rawPath;
  const fullName = `${registry}/${repository}`;
  if (fullName.length > nameTotalLengthMax) {
    return refuse(
      `a repository name can have at most ${nameTotalLengthMax} characters, registry included (this one has ${fullName.length})`,
    );
  }

  const shownTag = tag ?? (digest === null ? 'latest' : null);
  const suffix = `${shownTag === null ? '' : `:${shownTag}`}${digest === null ? '' : `@${digest}`}`;
  return {
    ok: true,
    value: {
      registry,
      repository,
      tag: shownTag,
      digest,
      normalised: `${fullName}${suffix}`,
      familiar: `${familiarName(registry, repository)}${suffix}`,
    },
  };
}

/** Docker's FamiliarName: Docker Hub's prefix and `library/` are hidden. */
function familiarName(registry: string, repository: string): string {
  if (registry !== dockerHubRegistry) return `${registry}/${repository}`;
  const official = repository.startsWith('library/') && repository.split('/').length === 2;
  return official ? repository.slice('library/'.length) : repository;
}

/** The key the docker config and credential helpers use for a registry: Docker Hub's legacy URL, else the host. */
export function registryHost(reference: ParsedReference | string): string {
  const registry = typeof reference === 'string' ? reference : reference.registry;
  return registry === dockerHubRegistry || registry === 'index.docker.io' ? dockerHubConfigKey : registry;
}

/**
 * Why a value cannot be one segment run of an engine API path (an image id or name, a container, volume or
 * network id), or null. dockerode pastes ids into paths as they are, so `..` would reach another route and
 * `?`, `#` or `%` would change the address; image names keep their `/` (ghcr.io/o/r), but no part may be
 * empty, `.` or `..`.
 */
export function apiPathProblem(value: string): string | null {
  if (value === '') return 'it is empty';
  if (/[?]/.test(value) || changesAddress(value))
    return 'it holds a character that would change the address (?, #, %, \\, a space or a control character)';
  const parts = value.split('/');
  if (parts.some((part) => part === '.' || part === '..')) return 'it has a "." or ".." part';
  if (parts.some((part) => part === '')) return 'it has an empty part (a leading, doubled or trailing "/")';
  return null;
}

/** `#`, `%`, a backslash, white space or a control character: each would change what address a path names. */
export function changesAddress(value: string): boolean {
  return /[#%\\\s]/.test(value) || [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}
