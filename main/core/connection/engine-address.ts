import { errorMessage } from '../../shared/error-message.js';
// Parses and prints engine addresses (`DOCKER_HOST` values and context hosts) with the docker CLI's rules:
// unix://, npipe://, tcp:// (the default when no scheme is given) and ssh://.

export type EngineAddress =
  | { kind: 'unix'; path: string }
  | { kind: 'npipe'; path: string }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'ssh'; host: string; port: number | null; user: string | null };

export type ParsedAddress = { ok: true; address: EngineAddress } | { ok: false; reason: string };

export const defaultUnixSocket = '/var/run/docker.sock';
export const defaultNamedPipe = '//./pipe/docker_engine';

function invalid(reason: string): ParsedAddress {
  return { ok: false, reason };
}

function parsePort(text: string, fallback: number | null): number | null | undefined {
  if (text === '') return fallback;
  const port = Number(text);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : undefined;
}

/** URL() keeps IPv6 brackets; Node's http wants the bare address. */
function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function parseNetwork(raw: string, scheme: 'tcp' | 'ssh'): URL | string {
  try {
    return new URL(raw);
  } catch (error) {
    const detail = errorMessage(error);
    return `it is not a valid ${scheme}:// URL (${detail})`;
  }
}

/**
 * Parses one address. `tls` picks the default TCP port (2376 with TLS, 2375 without), as the docker CLI does.
 * The reason, when invalid, says what is wrong with it; callers prefix where the value came from.
 */
export function parseEngineAddress(value: string, options: { tls: boolean }): ParsedAddress {
  const raw = value.trim();
  if (raw === '') return invalid('it is empty');
  const schemeEnd = raw.indexOf('://');
  const scheme = schemeEnd < 0 ? 'tcp' : raw.slice(0, schemeEnd).toLowerCase();
  const rest = schemeEnd < 0 ? raw : raw.slice(schemeEnd + 3);

  switch (scheme) {
    case 'unix': {
      const socketPath = rest || defaultUnixSocket;
      if (!socketPath.startsWith('/'))
        return invalid(`the socket path "${socketPath}" is not absolute (expected unix:///path/to/docker.sock)`);
      return { ok: true, address: { kind: 'unix', path: socketPath } };
    }
    case 'npipe': {
      const pipe = (rest || defaultNamedPipe).replace(/\\/g, '/');
      if (!/^\/\/[^/]+\/pipe\/[^/]+$/i.test(pipe))
        return invalid(`"${pipe}" is not a named pipe (expected npipe:////./pipe/docker_engine)`);
      return { ok: true, address: { kind: 'npipe', path: pipe } };
    }
    case 'tcp': {
      const url = parseNetwork(`tcp://${rest}`, 'tcp');
      if (typeof url === 'string') return invalid(url);
      if (url.username || url.password) return invalid('tcp:// addresses take no user name or password');
      if (url.pathname !== '' && url.pathname !== '/')
        return invalid(`Berth does not support a path ("${url.pathname}") after the host`);
      if (url.search || url.hash) return invalid('tcp:// addresses take no query or fragment');
      const port = parsePort(url.port, options.tls ? 2376 : 2375);
      if (port == null) return invalid(`"${url.port}" is not a port number`);
      const host = bareHost(url.hostname) || 'localhost';
      return { ok: true, address: { kind: 'tcp', host, port } };
    }
    case 'ssh': {
      const url = parseNetwork(`ssh://${rest}`, 'ssh');
      if (typeof url === 'string') return invalid(url);
      if (!url.hostname) return invalid('it names no host (expected ssh://user@host)');
      if (url.password) return invalid('ssh:// addresses must not carry a password: use an SSH key or agent');
      if (url.pathname !== '' && url.pathname !== '/')
        return invalid(`there is an extra path ("${url.pathname}") after the host`);
      if (url.search || url.hash) return invalid('ssh:// addresses take no query or fragment');
      const port = parsePort(url.port, null);
      if (port === undefined) return invalid(`"${url.port}" is not a port number`);
      const user = url.username ? decodeURIComponent(url.username) : null;
      return { ok: true, address: { kind: 'ssh', host: bareHost(url.hostname), port, user } };
    }
    default:
      return invalid(
        `the scheme "${scheme}://" is not one the engine speaks (use unix://, tcp://, ssh:// or npipe://)`,
      );
  }
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** The canonical text of an address, as shown to the user and used as the endpoint's `host`. */
export function formatEngineAddress(address: EngineAddress): string {
  switch (address.kind) {
    case 'unix':
      return `unix://${address.path}`;
    case 'npipe':
      return `npipe://${address.path}`;
    case 'tcp':
      return `tcp://${urlHost(address.host)}:${address.port}`;
    case 'ssh':
      return `ssh://${address.user ? `${address.user}@` : ''}${urlHost(address.host)}${address.port ? `:${address.port}` : ''}`;
  }
}
