// STUB (issue 5, owned by the run helper): Berth's own settings, kept in its config folder.
import type { BerthSettings } from '../../shared/run-types';
import type { Logger } from '../logger';

export interface SettingsStoreOptions {
  env: NodeJS.ProcessEnv;
  log: Logger;
}

export class SettingsStore {
  constructor(private readonly options: SettingsStoreOptions) {}

  async get(): Promise<BerthSettings> {
    void this.options;
    return { defaultRunLimits: {} };
  }

  async update(patch: Partial<BerthSettings>): Promise<BerthSettings> {
    void patch;
    return this.get();
  }
}
