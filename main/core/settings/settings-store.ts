// Owns Berth's own settings (the default limit profile of runs, where registry logins are saved) in
// `settings.json` in its config folder (config-dir.ts). Writes are atomic (a temporary file renamed over the old one); a file that cannot be
// read or holds something invalid gives the defaults and a logged warning, never a crash, and is kept beside
// as `settings.json.corrupt` when the next save replaces it.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { channels } from '../../shared/contract';
import { BerthError } from '../../shared/errors';
import type { LimitsChange } from '../../shared/limits-types';
import type { BerthSettings, SettingsView } from '../../shared/run-types';
import type { Logger } from '../logger';
import { encryptionProblem, noCipherProblem, type SecretCipher } from '../registries/secret-cipher';
import { ruleOnlyCapabilities, runLimitsError } from '../run/run-limits';
import { configDir } from './config-dir';

export interface SettingsStoreOptions {
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Electron safeStorage in the desktop app; none in `serve` mode, where 'encrypted' is refused. */
  secretCipher?: SecretCipher | null;
}

/**
 * No limits by default: one-click run then behaves like `docker run IMAGE`, which is what a developer expects
 * from "run"; a guessed limit (say 512 MiB) would make databases and builds fail in ways that look like their
 * own bugs. The profile is one click away in the settings, and the run dialog shows it before each run.
 */
export const defaultSettings: BerthSettings = Object.freeze({ defaultRunLimits: Object.freeze({}), registryCredentials: 'docker-config' });

/** The file holds exactly what `settings:update` accepts, so one schema checks both. */
const fileSchema = channels['settings:update'].request;

/** A profile is checked by the rules alone: the engine it will run on is checked at each run. */
function profileError(limits: LimitsChange): BerthError | null {
  return runLimitsError(limits, limits.restartPolicy ?? { name: 'no', maximumRetryCount: 0 }, ruleOnlyCapabilities(limits));
}

export class SettingsStore {
  readonly path: string;
  private cached: BerthSettings | null = null;
  private corrupt = false;
  /** Saves run one after another, so the last update is the one on disk. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SettingsStoreOptions) {
    this.path = join(configDir(options.env), 'settings.json');
  }

  async get(): Promise<BerthSettings> {
    this.cached ??= await this.load();
    return structuredClone(this.cached);
  }

  /** The settings with what this process can do, as `settings:get` and `settings:update` answer. */
  view(settings: BerthSettings): SettingsView {
    const problem = encryptionProblem(this.options.secretCipher);
    return { settings, encryptionAvailable: problem === null, encryptionProblem: problem };
  }

  /**
   * Replaces the fields present (the limit profile as a whole); INVALID_LIMITS when it breaks a rule, CONFLICT
   * when 'encrypted' credentials are asked for where nothing can encrypt them. Nothing is saved when refused.
   */
  update(patch: Partial<BerthSettings>): Promise<BerthSettings> {
    const next = this.writing.then(async () => {
      const current = await this.get();
      const merged: BerthSettings = {
        ...current,
        ...(patch.defaultRunLimits ? { defaultRunLimits: patch.defaultRunLimits } : {}),
        ...(patch.registryCredentials ? { registryCredentials: patch.registryCredentials } : {}),
      };
      const invalid = profileError(merged.defaultRunLimits);
      if (invalid) throw invalid;
      if (patch.registryCredentials === 'encrypted') {
        // Without a cipher the specific serve-mode words; with one that cannot work now, why it cannot.
        const problem = this.options.secretCipher ? encryptionProblem(this.options.secretCipher) : noCipherProblem;
        if (problem) throw new BerthError('CONFLICT', problem);
      }
      await this.save(merged);
      this.cached = merged;
      return structuredClone(merged);
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<BerthSettings> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(defaultSettings);
      return this.fallback(`cannot be read (${(error as Error).message})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return this.fallback(`is not JSON (${(error as Error).message})`);
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) return this.fallback(`does not hold Berth's settings (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`);
    const limits = parsed.data.defaultRunLimits ?? {};
    const invalid = profileError(limits);
    if (invalid) return this.fallback(`holds a limit profile that breaks a rule (${invalid.message})`);
    // A file saying 'encrypted' is kept as it is in serve mode: logins then say why they cannot be saved.
    return { ...structuredClone(defaultSettings), defaultRunLimits: limits, registryCredentials: parsed.data.registryCredentials ?? defaultSettings.registryCredentials };
  }

  private fallback(problem: string): BerthSettings {
    this.corrupt = true;
    this.options.log.warn(`[settings] ${this.path} ${problem}; using the defaults. The next save replaces it and keeps the old file as settings.json.corrupt.`);
    return structuredClone(defaultSettings);
  }

  private async save(settings: BerthSettings): Promise<void> {
    const dir = join(this.path, '..');
    await mkdir(dir, { recursive: true });
    if (this.corrupt) {
      await copyFile(this.path, `${this.path}.corrupt`).catch((error: Error) => this.options.log.warn(`[settings] could not keep the unreadable file: ${error.message}`));
      this.corrupt = false;
    }
    // Same folder, so the rename is atomic: a crash leaves either the old file or the new one, never half of one.
    const temporary = join(dir, `.settings.json.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new BerthError('INTERNAL', `Berth could not save its settings to ${this.path}: ${(error as Error).message}. Check that the folder is writable.`);
    }
  }
}
