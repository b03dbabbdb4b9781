// STUB (issue 5, owned by the transfers helper): registries from the docker config, credential helpers, login.
import { BerthError } from '../../shared/errors';
import type { KnownRegistry, LoginResult } from '../../shared/registry-types';
import type { EngineConnection } from '../engine/engine-connection';
import type { Logger } from '../logger';

export interface RegistriesServiceOptions {
  connection: EngineConnection;
  env: NodeJS.ProcessEnv;
  log: Logger;
}

/** The engine's AuthConfig shape (what X-Registry-Auth carries). */
export interface RegistryAuth {
  username?: string;
  password?: string;
  identitytoken?: string;
  serveraddress: string;
}

export class RegistriesService {
  constructor(private readonly options: RegistriesServiceOptions) {}

  async list(): Promise<KnownRegistry[]> {
    void this.options;
    return [];
  }

  async login(registry: string, username: string, password: string): Promise<LoginResult> {
    void registry;
    void username;
    void password;
    throw new BerthError('INTERNAL', 'not built yet');
  }

  async logout(registry: string): Promise<{ registry: string }> {
    return { registry };
  }

  /** Credentials for a registry host, as the docker CLI would find them; undefined when none. */
  async authFor(registry: string): Promise<RegistryAuth | undefined> {
    void registry;
    return undefined;
  }
}
