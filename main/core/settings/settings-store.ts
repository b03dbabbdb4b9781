// Owns Berth's own settings (the default limit profile of runs, where registry logins are saved, the engines
// it was told about and which one is active) in `settings.json` in its config folder (../config-dir.ts). Writes
// are atomic (a temporary file renamed over the old one). A file that cannot be read or holds something
// invalid is moved aside at once as `settings.json.corrupt`, never silently reset: the defaults apply, and
// `fileProblem` says what happened so the UI can tell the user.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BerthError } from '../../shared/errors';
import type { LimitsChange } from '../../shared/limits-types';
import type { EngineConfig } from '../../shared/engine-manager-types';
import type { BerthSettings, SettingsView } from '../../shared/settings-types';
import type { Logger } from '../logger';
import { encryptionProblem, noCipherProblem, type SecretCipher } from '../registries/secret-cipher';
import { ruleOnlyCapabilities, runLimitsError } from '../run/run-limits';
import { configDir } from '../config-dir';
import { dropDuplicateEngines } from './engines-file';
import { settingsFileSchema } from './settings-file';

/** The engines part of the file: what the engine registry keeps (the discovered engine is never stored). */
export interface EnginesSettings {
  engines: EngineConfig[];
  activeEngineId: string | null;
}

const noEngines: EnginesSettings = Object.freeze({ engines: [], activeEngineId: null }) as EnginesSettings;

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
export const defaultSettings: BerthSettings = Object.freeze({
  defaultRunLimits: Object.freeze({}),
  registryCredentials: 'docker-config',
});

/** A profile is checked by the rules alone: the engine it will run on is checked at each run. */
function profileError(limits: LimitsChange): BerthError | null {
  return runLimitsError(
    limits,
    limits.restartPolicy ?? { name: 'no', maximumRetryCount: 0 },
    ruleOnlyCapabilities(limits),
  );
}

export class SettingsStore {
  readonly path: string;
  private cached: BerthSettings | null = null;
  private loading: Promise<BerthSettings> | null = null;
  private cachedEngines: EnginesSettings = noEngines;
  private fileProblem: string | null = null;
  /** Saves run one after another, so the last update is the one on disk. */
  private writing: Promise<unknown> = Promise.resolve();
  private readonly changeListeners = new Set<(settings: BerthSettings) => void>();

  constructor(private readonly options: SettingsStoreOptions) {
    this.path = join(configDir(options.env), 'settings.json');
  }

  async get(): Promise<BerthSettings> {
    // One read for all first callers: each read of a bad file would move it aside, and all but one would fail.
    this.cached ??= await (this.loading ??= this.load());
    return structuredClone(this.cached);
  }

  /** The settings with what this process can do, as `settings:get` and `settings:update` answer. */
  view(settings: BerthSettings): SettingsView {
    const problem = encryptionProblem(this.options.secretCipher);
    return {
      settings,
      encryptionAvailable: problem === null,
      encryptionProblem: problem,
      fileProblem: this.fileProblem,
    };
  }

  /** Called with the settings after each saved update (services that follow a setting, such as alerts). */
  onChange(listener: (settings: BerthSettings) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  async engines(): Promise<EnginesSettings> {
    await this.get();
    return structuredClone(this.cachedEngines);
  }

  /** Replaces the engines part; saved after any update before it, like `update`. */
  updateEngines(next: EnginesSettings): Promise<EnginesSettings> {
    const saved = this.writing.then(async () => {
      const current = await this.get();
      await this.save(current, next);
      this.cachedEngines = structuredClone(next);
      return structuredClone(next);
    });
    this.writing = saved.catch(() => undefined);
    return saved;
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
        ...(patch.publishInterface ? { publishInterface: patch.publishInterface } : {}),
        ...(patch.statsRecording ? { statsRecording: patch.statsRecording } : {}),
        ...(patch.historyRetentionDays ? { historyRetentionDays: patch.historyRetentionDays } : {}),
        ...(patch.historyCapMiB ? { historyCapMiB: patch.historyCapMiB } : {}),
        ...(patch.statsAlerts ? { statsAlerts: patch.statsAlerts } : {}),
        ...(patch.closeToTray !== undefined ? { closeToTray: patch.closeToTray } : {}),
        ...(patch.updateFeedUrl !== undefined ? { updateFeedUrl: patch.updateFeedUrl } : {}),
        ...(patch.updateChecks !== undefined ? { updateChecks: patch.updateChecks } : {}),
        ...(patch.startAtLogin !== undefined ? { startAtLogin: patch.startAtLogin } : {}),
        ...(patch.desktopNotifications
          ? { desktopNotifications: { ...current.desktopNotifications, ...patch.desktopNotifications } }
          : {}),
      };
      const invalid = profileError(merged.defaultRunLimits);
      if (invalid) throw invalid;
      if (patch.registryCredentials === 'encrypted') {
        // Without a cipher the specific serve-mode words; with one that cannot work now, why it cannot.
        const problem = this.options.secretCipher ? encryptionProblem(this.options.secretCipher) : noCipherProblem;
        if (problem) throw new BerthError('CONFLICT', problem);
      }
      await this.save(merged, this.cachedEngines);
      this.cached = merged;
      for (const listener of [...this.changeListeners]) {
        // The save stands whatever a follower does with it.
        try {
          listener(structuredClone(merged));
        } catch (error) {
          this.options.log.warn(`[settings] a follower of the settings failed: ${(error as Error).message}`);
        }
      }
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
    const parsed = settingsFileSchema.safeParse(raw);
    if (!parsed.success)
      return this.fallback(
        `does not hold Berth's settings (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`,
      );
    const limits = parsed.data.defaultRunLimits ?? {};
    const invalid = profileError(limits);
    if (invalid) return this.fallback(`holds a limit profile that breaks a rule (${invalid.message})`);
    const unique = dropDuplicateEngines(parsed.data.engines ?? []);
    if (unique.dropped.length > 0) {
      // The rest of the file is fine: keep it, use the first of each engine, and say what was ignored.
      this.fileProblem = `Berth's settings file ${this.path} lists an engine twice (${unique.dropped.join('; ')}); the first of each is used, the others are ignored and left out at the next save.`;
      this.options.log.warn(`[settings] ${this.fileProblem}`);
    }
    this.cachedEngines = { engines: unique.engines, activeEngineId: parsed.data.activeEngineId ?? null };
    // A file saying 'encrypted' is kept as it is in serve mode: logins then say why they cannot be saved.
    return {
      ...structuredClone(defaultSettings),
      defaultRunLimits: limits,
      registryCredentials: parsed.data.registryCredentials ?? defaultSettings.registryCredentials,
      ...(parsed.data.publishInterface ? { publishInterface: parsed.data.publishInterface } : {}),
      ...(parsed.data.statsRecording ? { statsRecording: parsed.data.statsRecording } : {}),
      ...(parsed.data.historyRetentionDays ? { historyRetentionDays: parsed.data.historyRetentionDays } : {}),
      ...(parsed.data.historyCapMiB ? { historyCapMiB: parsed.data.historyCapMiB } : {}),
      ...(parsed.data.statsAlerts ? { statsAlerts: parsed.data.statsAlerts } : {}),
      ...(parsed.data.closeToTray !== undefined ? { closeToTray: parsed.data.closeToTray } : {}),
      ...(parsed.data.updateFeedUrl !== undefined ? { updateFeedUrl: parsed.data.updateFeedUrl } : {}),
      ...(parsed.data.updateChecks !== undefined ? { updateChecks: parsed.data.updateChecks } : {}),
      ...(parsed.data.startAtLogin !== undefined ? { startAtLogin: parsed.data.startAtLogin } : {}),
      ...(parsed.data.desktopNotifications ? { desktopNotifications: parsed.data.desktopNotifications } : {}),
    };
  }

  /** Moves the unusable file aside now (so no later save can lose it) and remembers why, for the UI. */
  private async fallback(problem: string): Promise<BerthSettings> {
    const aside = `${this.path}.corrupt`;
    const kept = await rename(this.path, aside).then(
      () => `it was kept as ${aside}`,
      (error: Error) => `it could not be moved aside (${error.message}) and stays where it is`,
    );
    this.fileProblem = `Berth's settings file ${this.path} ${problem}; ${kept}, and the defaults are in use.`;
    this.options.log.warn(`[settings] ${this.fileProblem}`);
    return structuredClone(defaultSettings);
  }

  private async save(settings: BerthSettings, engines: EnginesSettings): Promise<void> {
    const dir = join(this.path, '..');
    await mkdir(dir, { recursive: true });
    // Same folder, so the rename is atomic: a crash leaves either the old file or the new one, never half of one.
    const temporary = join(dir, `.settings.json.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, `${JSON.stringify({ ...settings, ...engines }, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new BerthError(
        'STORAGE_FAILED',
        `Berth could not save its settings to ${this.path}: ${(error as Error).message}. ${storageAdvice(error)} The settings saved before are unchanged.`,
      );
    }
  }
}

/** What the user can do about a failed write, by its cause. */
function storageAdvice(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'The disk is full: free some space, then change the setting again.';
    case 'EROFS':
      return 'The file system is read-only: check that the folder is writable, or set BERTH_CONFIG_DIR to one that is.';
    case 'EACCES':
    case 'EPERM':
      return "Berth may not write there: check the folder's owner and permissions, or set BERTH_CONFIG_DIR.";
    default:
      return 'Check that the folder is writable.';
  }
}
