// Berth's own credential store, used when the settings say 'encrypted': `credentials.json` in Berth's config
// folder, one entry per registry key whose value is the base64 of `{username, secret}` encrypted with the
// SecretCipher (Electron safeStorage). Registry names stay readable (like the docker config's `auths` keys) so
// an entry that cannot be decrypted (another user or machine, or serve mode) still shows with its problem.
// Writes go through a temporary file renamed over the old one and leave it readable by its owner only.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BerthError } from '../../shared/errors';
import { configDir } from '../config-dir';
import { sameRegistry } from './registry-keys';
import { encryptionProblem, noCipherProblem, type SecretCipher } from './secret-cipher';

export interface StoredCredentials {
  username: string;
  /** The password, or the identity token the registry gave in exchange for it. */
  secret: string;
  /** The secret is an identity token (the helpers' `<token>` user name, without losing the real one). */
  identityToken?: boolean;
}

/** One registry's entry: its credentials, or why they cannot be read. */
export interface EncryptedEntry {
  key: string;
  credentials: StoredCredentials | null;
  problem: string | null;
}

interface CredentialsFile {
  version: 1;
  /** Registry key (as configKeyFor names it) → base64 of the encrypted JSON. */
  registries: Record<string, string>;
}

export function credentialsFileFor(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'credentials.json');
}

export class EncryptedCredentials {
  /** Writes run one after another, so a login and a logout never lose each other's change. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly cipher: SecretCipher | null,
  ) {}

  /** Every entry, each decrypted or with its problem; a file that is not Berth's throws (INTERNAL, in words). */
  async list(): Promise<EncryptedEntry[]> {
    const file = await this.read();
    return Object.entries(file.registries).map(([key, value]) => this.decode(key, value));
  }

  /** The entry for a registry (any alias of its key), or null when there is none. */
  async find(key: string): Promise<EncryptedEntry | null> {
    const file = await this.read();
    const found =
      Object.entries(file.registries).find(([candidate]) => candidate === key) ??
      Object.entries(file.registries).find(([candidate]) => sameRegistry(candidate, key));
    return found ? this.decode(found[0], found[1]) : null;
  }

  /** Why nothing can be encrypted or decrypted now, in words; null when the cipher works. */
  problem(): string | null {
    return encryptionProblem(this.cipher);
  }

  async store(key: string, credentials: StoredCredentials): Promise<void> {
    const cipher = this.cipher;
    const problem = this.problem();
    if (problem !== null || !cipher) throw new BerthError('CONFLICT', problem ?? noCipherProblem);
    await this.change((registries) => {
      const kept = Object.fromEntries(
        Object.entries(registries).filter(([candidate]) => !sameRegistry(candidate, key)),
      );
      return { ...kept, [key]: cipher.encrypt(JSON.stringify(credentials)).toString('base64') };
    });
  }

  /** Removes every alias of the registry; whether anything was there. Needs no cipher: nothing is decrypted. */
  async erase(key: string): Promise<boolean> {
    let erased = false;
    await this.change((registries) => {
      const kept = Object.fromEntries(
        Object.entries(registries).filter(([candidate]) => !sameRegistry(candidate, key)),
      );
      erased = Object.keys(kept).length !== Object.keys(registries).length;
      return erased ? kept : null;
    });
    return erased;
  }

  private decode(key: string, value: string): EncryptedEntry {
    const cipher = this.cipher;
    const problem = this.problem();
    if (problem !== null || !cipher)
      return {
        key,
        credentials: null,
        problem: `Saved encrypted by Berth, but cannot be read here. ${problem ?? noCipherProblem}`,
      };
    let parsed: unknown;
    try {
      parsed = JSON.parse(cipher.decrypt(Buffer.from(value, 'base64')));
    } catch (error) {
      return {
        key,
        credentials: null,
        problem: `Berth cannot decrypt the credentials saved in ${this.path} (saved by another user or machine, or damaged: ${(error as Error).message}). Log in again to replace them.`,
      };
    }
    const { username, secret, identityToken } = (parsed ?? {}) as Partial<StoredCredentials>;
    if (typeof username !== 'string' || typeof secret !== 'string' || secret === '') {
      return {
        key,
        credentials: null,
        problem: `The credentials saved in ${this.path} decrypt to something that is not a user name and secret. Log in again to replace them.`,
      };
    }
    return {
      key,
      credentials: { username, secret, ...(identityToken === true ? { identityToken } : {}) },
      problem: null,
    };
  }

  private async read(): Promise<CredentialsFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      // Nobody logged in with encryption yet: no entries, which is not a problem.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, registries: {} };
      throw new BerthError(
        'INTERNAL',
        `Berth's credential file ${this.path} cannot be read: ${(error as Error).message}.`,
      );
    }
    const broken = (why: string) =>
      new BerthError('INTERNAL', `Berth's credential file ${this.path} ${why}. Remove it and log in again.`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw broken(`is not valid JSON (${(error as Error).message})`);
    }
    const registries = (parsed as { registries?: unknown } | null)?.registries;
    if (!registries || typeof registries !== 'object' || Array.isArray(registries))
      throw broken('does not hold Berth\'s credentials ("registries" is missing)');
    const entries = Object.entries(registries as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    return { version: 1, registries: Object.fromEntries(entries) };
  }

  /** Applies `edit` to the current entries and saves the result; an edit answering null changes nothing. */
  private change(edit: (registries: Record<string, string>) => Record<string, string> | null): Promise<void> {
    const next = this.writing.then(async () => {
      const registries = edit((await this.read()).registries);
      if (registries) await this.write({ version: 1, registries });
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async write(file: CredentialsFile): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    // Same folder, so the rename is atomic: a crash leaves either the old file or the new one.
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
      // The mode given to writeFile is masked by the umask; credentials must stay private whatever it is.
      await chmod(temporary, 0o600);
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new BerthError(
        'INTERNAL',
        `Berth could not save its credential file ${this.path}: ${(error as Error).message}. Check that the folder is writable.`,
      );
    }
  }
}
