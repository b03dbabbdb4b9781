// Registries Berth knows of (from the docker config, its credential helpers and Berth's own encrypted store)
// and the results of login.

/** Where the credentials for a registry live; `encrypted` is Berth's own credentials.json (Electron safeStorage). */
export type CredentialSource = 'config' | 'credHelper' | 'credsStore' | 'encrypted' | 'none';

/** Where a login saves: the docker config (and its helpers) like `docker login`, or Berth's encrypted store. */
export const registryCredentialStorages = ['docker-config', 'encrypted'] as const;
export type RegistryCredentialStorage = (typeof registryCredentialStorages)[number];

export interface KnownRegistry {
  /** The registry's host as the docker config keys it: `docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  registry: string;
  source: CredentialSource;
  /** The credential helper's name (`docker-credential-<helper>`), when one is used. */
  helper: string | null;
  /** The user name stored for it; null when none or the helper could not be asked. */
  username: string | null;
  /** Why credentials could not be read (helper missing, helper failed), in words; null when fine. */
  problem: string | null;
}

export interface LoginResult {
  registry: string;
  username: string;
  /** Where the credentials were saved. */
  savedTo: Exclude<CredentialSource, 'none'>;
  /**
   * Exactly where, for the user to find them again: the docker config file's real path (`$DOCKER_CONFIG`
   * respected), the helper's command (`docker-credential-pass`), or the path of Berth's credentials.json.
   */
  location: string;
  /** The registry's answer (e.g. `Login Succeeded`). */
  status: string;
}
