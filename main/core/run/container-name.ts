// Owns the names Berth gives containers it runs: `<image-basename>-<4 hex>` (e.g. `nginx-3f2a`), checked
// against the names already taken, so one-click runs of one image never clash.
import { randomBytes } from 'node:crypto';

const fallbackBase = 'container';

/** `127.0.0.1:5000/team/web-app:1.2@sha256:…` → `web-app`; only characters the engine allows in names. */
export function imageBaseName(image: string): string {
  const withoutDigest = image.split('@', 1)[0] ?? '';
  const lastSlash = withoutDigest.lastIndexOf('/');
  const lastPart = withoutDigest.slice(lastSlash + 1);
  // A tag's colon is in the last path part; a registry port's colon is before a slash.
  const withoutTag = lastPart.split(':', 1)[0] ?? '';
  // An image id (`sha256:…`) says nothing a person would recognise.
  if (/^sha256:[0-9a-f]+$/.test(withoutDigest)) return 'image';
  const cleaned = withoutTag.replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return cleaned === '' ? fallbackBase : cleaned.slice(0, 100);
}

export function randomHex4(): string {
  return randomBytes(2).toString('hex');
}

/**
 * A free name for `image`. `isTaken` gets each candidate (a replica group checks its `-1..N` names too). Four
 * hex digits give 65536 names per image; after a few collisions the suffix grows rather than loop forever.
 */
export function generateName(
  image: string,
  isTaken: (candidate: string) => boolean,
  random: () => string = randomHex4,
): string {
  const base = imageBaseName(image);
  for (let attempt = 0; attempt < 16; attempt += 1) {
    const candidate = `${base}-${random()}`;
    if (!isTaken(candidate)) return candidate;
  }
  for (let attempt = 0; ; attempt += 1) {
    const candidate = `${base}-${random()}${random()}${attempt}`;
    if (!isTaken(candidate)) return candidate;
  }
}

/** The names of every container, as `/name` lists them without the slash. */
export function takenNames(containers: ReadonlyArray<{ Names?: string[] }>): Set<string> {
  const names = new Set<string>();
  for (const container of containers) for (const name of container.Names ?? []) names.add(name.replace(/^\//, ''));
  return names;
}
