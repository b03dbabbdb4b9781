// Registries Berth knows of and their credentials: first Berth's own encrypted store (encrypted-credentials.ts),
// then exactly where the docker CLI keeps them: the registry's entry in `credHelpers`, else `credsStore`, else
// base64 in `auths` of config.json. Login checks the credentials with the registry (through the engine's /auth)
// before anything is saved, then saves where the settings say: the way `docker login` does, or encrypted by
// Berth (leaving the docker config alone). Amazon ECR, GCR and the like need no special code here: their
// `docker-credential-ecr-login`/`-gcloud` helpers answer `get` like any other helper.
import { BerthError } from '../../shared/errors';
import type {
  CredentialSource,
  KnownRegistry,
  LoginResult,
  RegistryCredentialStorage,
} from '../../shared/registry-types';
import type { EngineLink } from '../connection/engine-link';
import { engineMessage, isUnreachableError, toErrorInfo } from '../connection/engine-errors';
import type { Logger } from '../logger';
import { CredentialHelper, CredentialHelperError } from './credential-helper';
import {
  decodeAuth,
  encodeAuth,
  readAuthConfig,
  updateAuths,
  type AuthEntry,
  type DockerAuthConfig,
} from './docker-auth-config';
import type { EncryptedCredentials, EncryptedEntry } from './encrypted-credentials';
import { configKeyFor, displayName, hostnameOf, sameRegistry } from './registry-keys';
import { errorMessage } from '../../shared/error-message.js';

export interface RegistriesServiceOptions {
  connection: EngineLink;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Berth's encrypted store and the setting that sends logins there; without it, only the docker config. */
  berthStore?: {
    credentials: EncryptedCredentials;
    storage(): Promise<RegistryCredentialStorage>;
  };
}

/** The engine's AuthConfig shape (what X-Registry-Auth carries). */
export interface RegistryAuth {
  username?: string;
  password?: string;
  identitytoken?: string;
  serveraddress: string;
}

/** A helper's user name meaning "the secret is an identity token" (docker-credential-helpers' convention). */
const tokenUsername = '<token>';

export class RegistriesService {
  constructor(private readonly options: RegistriesServiceOptions) {}

  async list(): Promise<KnownRegistry[]> {
    const config = await readAuthConfig(this.options.env);
    const found = new Map<string, KnownRegistry>();
    for (const [key, entry] of Object.entries(config.auths)) {
      const username = decodeAuth(entry).username;
      found.set(displayName(key), {
        registry: displayName(key),
        source: username || entry.identitytoken ? 'config' : 'none',
        helper: null,
        username,
        problem: null,
      });
    }
    if (config.credsStore) {
      const store = this.helper(config.credsStore);
      try {
        for (const [key, username] of Object.entries(await store.list())) {
          found.set(displayName(key), {
            registry: displayName(key),
            source: 'credsStore',
            helper: store.name,
            username: username || null,
            problem: null,
          });
        }
      } catch (error) {
        // The CLI writes an empty `auths` entry for each login kept in the store: show those with the reason.
        for (const known of found.values()) {
          if (known.source === 'none')
            Object.assign(known, { source: 'credsStore', helper: store.name, problem: errorMessage(error) });
        }
      }
    }
    for (const [key, name] of Object.entries(config.credHelpers)) {
      const helper = this.helper(name);
      const entry: KnownRegistry = {
        registry: displayName(key),
        source: 'credHelper',
        helper: name,
        username: null,
        problem: null,
      };
      try {
        const credentials = await helper.get(configKeyFor(key));
        entry.username = credentials && credentials.username !== tokenUsername ? credentials.username : null;
      } catch (error) {
        entry.problem = errorMessage(error);
      }
      found.set(entry.registry, entry);
    }
    // Last, so they win: authFor looks in Berth's store first, and the row should say what a pull will use.
    for (const entry of await this.encryptedEntries()) {
      found.set(displayName(entry.key), {
        registry: displayName(entry.key),
        source: 'encrypted',
        helper: null,
        username: entry.credentials?.username ?? null,
        problem: entry.problem,
      });
    }
    return [...found.values()].sort((a, b) => a.registry.localeCompare(b.registry));
  }

  async login(registry: string, username: string, password: string): Promise<LoginResult> {
    const key = configKeyFor(registry);
    const encrypted = (await this.storage()) === 'encrypted' ? this.options.berthStore?.credentials : undefined;
    // Refused before the registry is asked: a login that could not be saved where the user chose is no login.
    const problem = encrypted?.problem();
    if (problem)
      throw new BerthError(
        'CONFLICT',
        `${problem} Choose "Docker config file" under Settings → Registry credentials to log in here.`,
      );
    const answer = await this.checkWithRegistry(key, username, password);
    const token = typeof answer.IdentityToken === 'string' && answer.IdentityToken !== '' ? answer.IdentityToken : null;
    const saved = encrypted
      ? await this.saveEncrypted(encrypted, key, username, token ?? password, token !== null)
      : await this.saveToDockerConfig(key, username, password, token);
    this.options.log.info(`[registries] logged in to ${displayName(key)} as ${username} (saved to ${saved.location})`);
    return {
      registry: displayName(key),
      username,
      ...saved,
      status: typeof answer.Status === 'string' ? answer.Status : 'Login Succeeded',
    };
  }

  async logout(registry: string): Promise<{ registry: string }> {
    const key = configKeyFor(registry);
    const encrypted = this.options.berthStore?.credentials;
    if (encrypted && (await this.storage()) === 'encrypted') {
      // Berth saves there and only there, so it erases there only: a `docker login` of the user's stays.
      await encrypted.erase(key);
      this.options.log.info(`[registries] logged out of ${displayName(key)} (erased from ${encrypted.path})`);
      return { registry: displayName(key) };
    }
    // An entry left from encrypted mode would still be used by authFor (it looks there first): erase it too.
    await encrypted?.erase(key);
    const config = await readAuthConfig(this.options.env);
    const store = this.storeFor(config, key);
    if (store) await this.helperCall(store.helper.erase(key));
    // Decided on the file as it is when the write's turn comes, so a login saved meanwhile is kept.
    await updateAuths(this.options.env, (current) => {
      const remaining = Object.fromEntries(
        Object.entries(current.auths).filter(([candidate]) => !sameRegistry(candidate, key)),
      );
      return Object.keys(remaining).length !== Object.keys(current.auths).length ? remaining : null;
    });
    this.options.log.info(`[registries] logged out of ${displayName(key)}`);
    return { registry: displayName(key) };
  }

  /** Credentials for a registry host: Berth's encrypted store, else as the docker CLI would find them; undefined when none. */
  async authFor(registry: string): Promise<RegistryAuth | undefined> {
    const key = configKeyFor(registry);
    const encrypted = await this.encryptedAuth(key);
    if (encrypted) return encrypted;
    let config: DockerAuthConfig;
    try {
      config = await readAuthConfig(this.options.env);
    } catch (error) {
      // A broken config must not block anonymous pulls; the reason is logged and shown by list().
      this.options.log.warn(`[registries] ${(error as Error).message}`);
      return undefined;
    }
    const store = this.storeFor(config, key);
    if (store) {
      try {
        const credentials = await store.helper.get(key);
        if (credentials) {
          return credentials.username === tokenUsername
            ? { identitytoken: credentials.secret, serveraddress: key }
            : { username: credentials.username, password: credentials.secret, serveraddress: key };
        }
      } catch (error) {
        this.options.log.warn(`[registries] ${errorMessage(error)}`);
      }
    }
    const entry =
      Object.entries(config.auths).find(([candidate]) => candidate === key) ??
      Object.entries(config.auths).find(([candidate]) => sameRegistry(candidate, key));
    if (!entry) return undefined;
    const { username, password } = decodeAuth(entry[1]);
    if (entry[1].identitytoken) return { identitytoken: entry[1].identitytoken, serveraddress: key };
    if (!username || password === null) return undefined;
    return { username, password, serveraddress: key };
  }

  private async saveToDockerConfig(
    key: string,
    username: string,
    password: string,
    token: string | null,
  ): Promise<Pick<LoginResult, 'savedTo' | 'location'>> {
    const config = await readAuthConfig(this.options.env);
    const store = this.storeFor(config, key);
    if (store) {
      await this.helperCall(store.helper.store(key, token ? tokenUsername : username, token ?? password));
      // Like `docker login`: the file remembers the registry (no secret) so `docker` lists it too.
      await updateAuths(this.options.env, (current) => ({ ...current.auths, [key]: {} }));
      return { savedTo: store.source, location: store.helper.command };
    }
    const entry: AuthEntry = token
      ? { auth: encodeAuth(username, ''), identitytoken: token }
      : { auth: encodeAuth(username, password) };
    const saved = await updateAuths(this.options.env, (current) => ({ ...current.auths, [key]: entry }));
    return { savedTo: 'config', location: saved.file };
  }

  private async saveEncrypted(
    store: EncryptedCredentials,
    key: string,
    username: string,
    secret: string,
    identityToken: boolean,
  ): Promise<Pick<LoginResult, 'savedTo' | 'location'>> {
    await store.store(key, { username, secret, ...(identityToken ? { identityToken } : {}) });
    return { savedTo: 'encrypted', location: store.path };
  }

  private async storage(): Promise<RegistryCredentialStorage> {
    return this.options.berthStore ? this.options.berthStore.storage() : 'docker-config';
  }

  /** Berth's entries; a damaged file is logged and skipped so the docker config's registries still show. */
  private async encryptedEntries(): Promise<EncryptedEntry[]> {
    try {
      return (await this.options.berthStore?.credentials.list()) ?? [];
    } catch (error) {
      this.options.log.warn(`[registries] ${errorMessage(error)}`);
      return [];
    }
  }

  private async encryptedAuth(key: string): Promise<RegistryAuth | undefined> {
    let entry: EncryptedEntry | null | undefined;
    try {
      entry = await this.options.berthStore?.credentials.find(key);
    } catch (error) {
      // A damaged file must not block pulls with the docker config's credentials or anonymous ones.
      this.options.log.warn(`[registries] ${errorMessage(error)}`);
      return undefined;
    }
    if (entry?.problem) this.options.log.warn(`[registries] ${displayName(key)}: ${entry.problem}`);
    const credentials = entry?.credentials;
    if (!credentials) return undefined;
    return credentials.identityToken
      ? { identitytoken: credentials.secret, serveraddress: key }
      : { username: credentials.username, password: credentials.secret, serveraddress: key };
  }

  /** The helper that holds this registry's credentials: its `credHelpers` entry, else `credsStore`. */
  private storeFor(
    config: DockerAuthConfig,
    key: string,
  ): { helper: CredentialHelper; source: Extract<CredentialSource, 'credHelper' | 'credsStore'> } | null {
    const host = hostnameOf(key);
    const named = Object.entries(config.credHelpers).find(
      ([candidate]) => candidate === key || candidate === host || sameRegistry(candidate, key),
    );
    if (named) return { helper: this.helper(named[1]), source: 'credHelper' };
    if (config.credsStore) return { helper: this.helper(config.credsStore), source: 'credsStore' };
    return null;
  }

  private helper(name: string): CredentialHelper {
    return new CredentialHelper(name, this.options.env);
  }

  /** A helper failing on store/erase is the user's to fix: pass its words on, not as an internal error. */
  private async helperCall<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof CredentialHelperError) throw new BerthError('ENGINE_REFUSED', error.message);
      throw error;
    }
  }

  private async checkWithRegistry(
    key: string,
    username: string,
    password: string,
  ): Promise<{ Status?: unknown; IdentityToken?: unknown }> {
    const docker = this.options.connection.client();
    try {
      return ((await docker.checkAuth({ username, password, serveraddress: key })) ?? {}) as {
        Status?: unknown;
        IdentityToken?: unknown;
      };
    } catch (error) {
      if (isUnreachableError(error)) throw new BerthError(toErrorInfo(error).code, toErrorInfo(error).message);
      const message = engineMessage(error);
      const where = displayName(key);
      if (/unauthorized|401|incorrect username or password|authentication required|denied/i.test(message)) {
        throw new BerthError(
          'AUTH_REQUIRED',
          `${where} refused this user name and password; nothing was saved: ${message}`,
        );
      }
      if (
        /connection refused|no such host|i\/o timeout|EOF|TLS|x509|unreachable|no route to host|deadline exceeded/i.test(
          message,
        )
      ) {
        throw new BerthError(
          'REGISTRY_UNREACHABLE',
          `The registry ${where} could not be reached; nothing was saved: ${message}`,
        );
      }
      throw new BerthError('ENGINE_REFUSED', `Login to ${where} failed; nothing was saved: ${message}`);
    }
  }
}
