// Runs the host tools a Berth-owned engine needs (ip, iptables, umount) with the system folders on PATH,
// since a desktop session's PATH often lacks /usr/sbin (as root, the system folders first: tool-path.ts);
// failures carry the tool's own stderr.
import { execFile } from 'node:child_process';
import { toolCommand, toolPath } from '../../tool-path';

/** The PATH for the host tools and the daemons Berth starts (tool-path.ts says in which order). */
export function systemPath(env: NodeJS.ProcessEnv): string {
  return toolPath(env);
}

export class HostCommandError extends Error {
  constructor(
    message: string,
    /** The process's exit code; null when it could not run at all (ENOENT). */
    readonly exitCode: number | null,
    readonly notFound: boolean,
  ) {
    super(message);
    this.name = 'HostCommandError';
  }
}

export function runHostCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      toolCommand(command, env),
      args,
      { encoding: 'utf8', env: { ...env, PATH: systemPath(env) }, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        const notFound = code === 'ENOENT';
        const exitCode = typeof code === 'number' ? code : null;
        reject(
          new HostCommandError(
            `${command} ${args.join(' ')} failed: ${stderr.trim() || error.message}`,
            exitCode,
            notFound,
          ),
        );
      },
    );
  });
}
