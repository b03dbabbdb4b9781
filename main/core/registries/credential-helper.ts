// Talks to docker credential helpers (`docker-credential-<name>`: desktop, pass, osxkeychain, wincred,
// ecr-login, gcloud, …) with the protocol the docker CLI uses: the action as the only argument, the input on
// stdin, JSON on stdout. Runs with the environment Berth was given, so PATH (and the helper's own settings,
// e.g. AWS_PROFILE for ecr-login) are the user's.
import { spawn } from 'node:child_process';

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

const timeoutMs = 30_000;
/** What helpers print for "nothing stored for that server" (docker-credential-helpers' ErrCredentialsNotFound). */
const notFound = /credentials not found/i;

export class CredentialHelper {
  constructor(
    readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
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
      throw new CredentialHelperError(`${this.command} get answered something that is not JSON (${(error as Error).message}).`, false);
    }
    if (typeof parsed.Secret !== 'string' || parsed.Secret === '') return null;
    return { username: typeof parsed.Username === 'string' ? parsed.Username : '', secret: parsed.Secret };
  }

  async store(serverUrl: string, username: string, secret: string): Promise<void> {
    const result = await this.run('store', JSON.stringify({ ServerURL: serverUrl, Username: username, Secret: secret }));
    if (result.code !== 0) throw this.failure('store', result);
  }

  /** Erasing what is not there is not an error, as with `docker logout`. */
  async erase(serverUrl: string): Promise<void> {
    const result = await this.run('erase', serverUrl);
    if (result.code !== 0 && !notFound.test(result.stdout) && !notFound.test(result.stderr)) throw this.failure('erase', result);
  }

  /** Server URL → user name of everything the helper stores. */
  async list(): Promise<Record<string, string>> {
    const result = await this.run('list', '');
    if (result.code !== 0) throw this.failure('list', result);
    try {
      const parsed = JSON.parse(result.stdout || '{}') as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch (error) {
      throw new CredentialHelperError(`${this.command} list answered something that is not JSON (${(error as Error).message}).`, false);
    }
  }

  private failure(action: string, result: { code: number | null; stdout: string; stderr: string }): CredentialHelperError {
    const said = (result.stdout.trim() || result.stderr.trim() || 'no message').slice(0, 500);
    return new CredentialHelperError(`${this.command} ${action} failed (exit ${result.code}): ${said}`, false);
  }

  private run(action: string, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.command, [action], { env: this.env, stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', (error: NodeJS.ErrnoException) => {
        const missing = error.code === 'ENOENT';
        const text = missing
          ? `The credential helper ${this.command} is not installed (not found on PATH); install it or change "credsStore"/"credHelpers" in the docker config.`
          : `The credential helper ${this.command} could not be run: ${error.message}.`;
        reject(new CredentialHelperError(text, missing));
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      // A helper that exits without reading stdin makes the write fail with EPIPE; its exit code tells the story.
      child.stdin.on('error', (error) => (stderr += `\n(stdin: ${error.message})`));
      child.stdin.end(input);
    });
  }
}
