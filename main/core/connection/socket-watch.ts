// Owns noticing that a local engine's socket file appears (or is replaced) while the engine is away, so the
// connection tries at once instead of waiting out its backoff. A restarting dockerd removes its stale socket and
// binds a new one seconds before it serves the API; the kernel queues what connects meanwhile. The watch is
// inotify/FSEvents on the socket's folder: it costs nothing while nothing happens there, unlike polling.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';
import type { DiscoveryResult } from './discover';
import { parseEngineAddress } from './engine-address';

export type SocketWatcher = (socketPaths: string[], onChange: () => void) => () => void;

/** The unix sockets worth watching: the targets', or where discovery looked when it found none. */
export function watchableSockets(found: DiscoveryResult): string[] {
  const addresses =
    found.targets.length > 0
      ? found.targets.map((target) => target.address)
      : found.searched.flatMap((host) => {
          const parsed = parseEngineAddress(host, { tls: false });
          return parsed.ok ? [parsed.address] : [];
        });
  return addresses.flatMap((address) => (address.kind === 'unix' ? [address.path] : []));
}

/** At most one wake per this long: a folder that churns must not turn the watch into a busy retry loop. */
const MIN_WAKE_GAP_MS = 1_000;

/**
 * Calls `onChange` when an entry named like one of the sockets changes in its folder (created, removed,
 * replaced). A folder that cannot be watched is skipped (a missing one quietly: most default socket folders do
 * not exist; other causes, such as no inotify watches left, with a warning): the caller's backoff still finds
 * the engine, only later. Returns the function that ends every watch.
 */
export function watchSockets(socketPaths: string[], onChange: () => void, log?: Logger): () => void {
  const byFolder = new Map<string, Set<string>>();
  for (const socketPath of socketPaths) {
    const folder = path.dirname(socketPath);
    const names = byFolder.get(folder) ?? new Set<string>();
    names.add(path.basename(socketPath));
    byFolder.set(folder, names);
  }
  let lastWake = 0;
  let closed = false;
  let trailing: NodeJS.Timeout | null = null;
  const wake = () => {
    trailing = null;
    if (closed) return;
    lastWake = Date.now();
    onChange();
  };
  const watchers: fs.FSWatcher[] = [];
  for (const [folder, names] of byFolder) {
    try {
      const watcher = fs.watch(folder, { persistent: false }, (_event, filename) => {
        // A platform that gives no name may mean the socket: treat it as a change, the rate limit bounds it.
        if (closed || (filename !== null && !names.has(filename.toString()))) return;
        const wait = lastWake + MIN_WAKE_GAP_MS - Date.now();
        if (wait <= 0) return wake();
        // Inside the gap (a stale socket removed, then the new one bound): one call at its end sees the latest.
        trailing ??= setTimeout(wake, wait);
        trailing.unref();
      });
      watcher.on('error', (error) =>
        log?.warn(
          `[engine] stopped watching ${folder} for the engine's socket (${error.message}); retries still find it`,
        ),
      );
      watchers.push(watcher);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        log?.warn(
          `[engine] cannot watch ${folder} for the engine's socket (${(error as Error).message}); retries still find it`,
        );
    }
  }
  return () => {
    closed = true;
    if (trailing) clearTimeout(trailing);
    for (const watcher of watchers.splice(0)) watcher.close();
  };
}
