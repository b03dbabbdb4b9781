// Registries Berth knows of (from the docker config and its credential helpers) and the results of login.

/** Where the credentials for a registry live. */
export type CredentialSource = 'config' | 'credHelper' | 'credsStore' | 'none';

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
  savedTo: 'config' | 'credHelper' | 'credsStore';
  /** The registry's answer (e.g. `Login Succeeded`). */
  status: string;
}
