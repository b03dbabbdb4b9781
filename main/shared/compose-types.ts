// What the core tells the UI about compose: which compose CLI this computer has (Berth runs the user's own,
// as `docker compose` or `docker-compose` would be run by hand), and how to get one when there is none.

export type ComposeCliKind = 'plugin' | 'standalone';

export interface ComposeCliFound {
  /** `plugin`: `docker compose` (v2); `standalone`: `docker-compose` (v1, e.g. Debian's 1.29; or a v2 binary). */
  kind: ComposeCliKind;
  /** As the user would type it: `docker compose` or `docker-compose`. */
  command: string;
  /** What `version --short` printed, e.g. `2.24.5` or `1.29.2`. */
  version: string;
}

export interface ComposeCli {
  /** null: neither `docker compose` nor `docker-compose` runs here. */
  found: ComposeCliFound | null;
  /** How to install one on this system (shown when none is found). */
  install: string;
}
