// Talks to docker credential helpers (`docker-credential-<name>`: desktop, pass, osxkeychain, wincred,
// ecr-login, gcloud, …) with the protocol the docker CLI uses: the action as the only argument, the input on
// stdin, JSON on stdout. Runs with the environment Berth was given, so PATH (and the helper's own settings,
// e.g. AWS_PROFILE for ecr-login) are the user's; the program itself is found as tool-path.ts says (system
// folders first as root). The helper's name comes from a file anyone editing config.json controls, so it must
// be a plain name (no path), and what the helper prints is bounded in size and time.
import { spawn } from 'node:child_process';
import { toolCommand } from '../tool-path';

export interface HelperCredentials {
  username: string;
  secret: string;
}

/** The helper could not be run or failed; `message` is meant for the user. */
export class CredentialHelperError extends Error {
  constructor(
    message: string,
    readonly missing: boolean,
  ) {
    super(message);
    this.name = 'CredentialHelperError';
  }
}

export interface HelperLimits {
  timeoutMs: number;
  /** stdout and stderr together; a helper answers a few hundred bytes, a list a few KiB. */
  maxOutputBytes: number;
}

const defaultLimits: HelperLimits = { timeoutMs: 30_000, maxOutputBytes: 1024 * 1024 };
/** What the docker CLI accepts after `docker-credential-` in practice: no separators, no leading dot. */
const helperName = /^[a-zA-Z0-9_-][a-zA-Z0-9._-]{0,99}$/;

export function isValidHelperName(name: string): boolean {
  return helperName.test(name);
}
/** What helpers print for "nothing stored for that server" (docker-credential-helpers' ErrCredentialsNotFound). */
const notFound = /credentials not found/i;

export class CredentialHelper {
  constructor(
    readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly limits: HelperLimits = defaultLimits,
  ) {}

  get command(): string {
    return `docker-credential-${this.name}`;
  }

  /** The stored credentials for a server URL, or null when the helper has none. */
  async get(serverUrl: string): Promise<HelperCredentials | null> {
    const result = await this.run('get', serverUrl);
    if (result.code !== 0) {
      if (notFound.test(result.stdout) || notFound.test(result.stderr)) return null;
      throw this.failure('get', result);
    }
    let parsed: { Username?: unknown; Secret?: unknown };
    try {
      parsed = JSON.parse(result.stdout) as typeof parsed;
    } catch (error) {
      throw new CredentialHelperError(
        `${this.command} get answered something that is not JSON (${(error as Error).message}).`,
        false,
      );
    }
    if (typeof parsed.Secret !== 'string' || parsed.Secret === '') return null;
    return { username: typeof parsed.Username === 'string' ? parsed.Username : '', secret: parsed.Secret };
  }

  async store(serverUrl: string, username: string, secret: string): Promise<void> {
    const result = await this.run(
      'store',
      JSON.stringify({ ServerURL: serverUrl, Username: username, Secret: secret }),
    );
    if (result.code !== 0) throw this.failure('store', result);
  }

  /** Erasing what is not there is not an error, as with `docker logout`. */
  async erase(serverUrl: string): Promise<void> {
    const result = await this.run('erase', serverUrl);
    if (result.code !== 0 && !notFound.test(result.stdout) && !notFound.test(result.stderr))
      throw this.failure('erase', result);
  }

  /** Server URL → user name of everything the helper stores. */
  async list(): Promise<Record<string, string>> {
    const result = await this.run('list', '');
    if (result.code !== 0) throw this.failure('list', result);
    try {
      const parsed = JSON.parse(result.stdout || '{}') as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch (error) {
      throw new CredentialHelperError(
        `${this.command} list answered something that is not JSON (${(error as Error).message}).`,
        false,
      );
    }
  }

  private failure(
    action: string,
    result: { code: number | null; stdout: string; stderr: string },
  ): CredentialHelperError {
    const said = (result.stdout.trim() || result.stderr.trim() || 'no message').slice(0, 500);
    return new CredentialHelperError(`${this.command} ${action} failed (exit ${result.code}): ${said}`, false);
  }

  private run(action: string, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    if (!isValidHelperName(this.name)) {
      const shown = JSON.stringify(this.name.slice(0, 100));
      return Promise.reject(
        new CredentialHelperError(
          `The docker config names the credential helper ${shown}, which is not a helper name (letters, digits, ".", "_" and "-" only): Berth does not run it. Fix "credsStore"/"credHelpers" in the docker config.`,
          false,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const { timeoutMs, maxOutputBytes } = this.limits;
      const child = spawn(toolCommand(this.command, this.env), [action], {
        env: this.env,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let size = 0;
      let settled = false;
      const fail = (error: CredentialHelperError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(error);
      };
      const timer = setTimeout(
        () =>
          fail(
            new CredentialHelperError(
              `The credential helper ${this.command} did not finish ${action} within ${timeoutMs / 1000} s and was stopped.`,
              false,
            ),
          ),
        timeoutMs,
      );
      const collect = (into: Buffer[]) => (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxOutputBytes)
          fail(
            new CredentialHelperError(
              `The credential helper ${this.command} printed more than ${maxOutputBytes} bytes for ${action} and was stopped: that is not a credential.`,
              false,
            ),
          );
        else into.push(chunk);
      };
      child.stdout.on('data', collect(stdout));
      child.stderr.on('data', collect(stderr));
      child.on('error', (error: NodeJS.ErrnoException) => {
        const missing = error.code === 'ENOENT';
        const text = missing
          ? `The credential helper ${this.command} is not installed (not found on PATH); install it or change "credsStore"/"credHelpers" in the docker config.`
          : `The credential helper ${this.command} could not be run: ${error.message}.`;
        fail(new CredentialHelperError(text, missing));
      });
      child.on('close', (code) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({
          code,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        });
      });
      // A helper that exits without reading stdin makes the write fail with EPIPE; its exit code tells the story.
      child.stdin.on('error', (error) => stderr.push(Buffer.from(`\n(stdin: ${error.message})`)));
      child.stdin.end(input);
    });
  }
}
