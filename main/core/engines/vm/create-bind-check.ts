// The docker CLI's side of the shared folders rule: the host paths a `POST /containers/create` body binds
// (HostConfig.Binds `src:dst[:opts]` and HostConfig.Mounts of type bind), and the refusal the proxy answers
// when one lies outside the VM's shared folders (the same words as Berth's own run path).
import { isShared, outsideSharesMessage, type SharedFoldersOfActive } from '../../run/shared-folder-check';
import type { HostPlatform } from '../../../shared/host-path';

interface CreateBody {
  HostConfig?: { Binds?: unknown; Mounts?: unknown };
}

/** A bind's host path: what comes before the first `:` (after a Windows drive's own); null for a volume name. */
export function bindSource(bind: string): string | null {
  const drive = /^[A-Za-z]:[\\/]/.test(bind) ? 2 : 0;
  const colon = bind.indexOf(':', drive);
  const source = colon === -1 ? bind : bind.slice(0, colon);
  // A named volume (`cache:/data`) has no slash at the start; only a path is a bind of the host.
  return /^([A-Za-z]:)?[\\/]/.test(source) ? source : null;
}

/** The host paths a create request's body binds, in order; empty when the body is not an object. */
export function boundHostPaths(body: unknown): string[] {
  const hostConfig = (body as CreateBody | null)?.HostConfig;
  if (!hostConfig || typeof hostConfig !== 'object') return [];
  const binds = Array.isArray(hostConfig.Binds) ? hostConfig.Binds : [];
  const mounts = Array.isArray(hostConfig.Mounts) ? hostConfig.Mounts : [];
  const fromBinds = binds.flatMap((bind) => (typeof bind === 'string' ? (bindSource(bind) ?? []) : []));
  const fromMounts = mounts.flatMap((mount: { Type?: unknown; Source?: unknown } | null) =>
    mount?.Type === 'bind' && typeof mount.Source === 'string' ? [mount.Source] : [],
  );
  return [...fromBinds, ...fromMounts];
}

/**
 * The refusal for a create request's raw body, or null to let it through. A body that is not JSON passes: the
 * engine answers it with its own error, and the proxy never stands between the CLI and the engine's words.
 */
export function createRefusal(
  body: Buffer,
  shares: SharedFoldersOfActive,
  platform: HostPlatform = process.platform,
): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null; // not JSON: the engine's own 400 says so
  }
  const outside = boundHostPaths(parsed).find((source) => !isShared(source, shares.folders, platform));
  return outside === undefined ? null : outsideSharesMessage(outside, shares);
}
