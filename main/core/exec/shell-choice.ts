// Which shell a terminal runs: the one the user asked for, else /bin/bash, else /bin/sh. Each candidate is
// tried by running it with `-c 'exit 0'` (no TTY, as the session's user) and reading the exec's exit code,
// which changes nothing in the container and also proves the user exists and may run it.
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';

export const fallbackShells = ['/bin/bash', '/bin/sh'] as const;

interface ProbeResult {
  ok: boolean;
  /** What the engine or the shell printed (the runtime's "no such file" or "unable to find user"). */
  output: string;
}

/** The candidates in order, without repeats. */
export function shellCandidates(asked?: string): string[] {
  return [...new Set([...(asked ? [asked] : []), ...fallbackShells])];
}

export async function chooseShell(
  container: Dockerode.Container,
  label: string,
  options: { shell?: string; user?: string },
): Promise<string> {
  const tried: string[] = [];
  let last: ProbeResult = { ok: false, output: '' };
  for (const shell of shellCandidates(options.shell)) {
    last = await probe(container, shell, options.user);
    if (last.ok) return shell;
    tried.push(shell);
    // A user that does not exist fails every candidate the same way: say so instead of "no shell".
    if (/unable to find user|no matching entries in passwd/i.test(last.output)) {
      throw new BerthError(
        'ENGINE_REFUSED',
        `${label} has no user ${options.user ?? ''}: ${last.output.trim()}. Leave the user empty to use the container's own.`,
      );
    }
  }
  throw new BerthError(
    'NOT_FOUND',
    `${label} has no shell: tried ${tried.join(', ')}. An image built FROM scratch has none unless it adds one ` +
      `(busybox, for instance).${last.output.trim() ? ` The engine said: ${last.output.trim().slice(0, 300)}` : ''}`,
  );
}

async function probe(container: Dockerode.Container, shell: string, user?: string): Promise<ProbeResult> {
  const exec = await container.exec({
    Cmd: [shell, '-c', 'exit 0'],
    User: user,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
  });
  const stream = await exec.start({ Detach: false, Tty: false });
  const output = await readAll(stream);
  // The stream ends as the process does; the engine may record the exit code a moment later.
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const info = await exec.inspect();
    if (!info.Running && info.ExitCode !== null) return { ok: info.ExitCode === 0, output };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { ok: false, output: output || `${shell} did not finish within a second` };
}

/** The multiplexed stream's text; the 8-byte frame headers are dropped (only the words matter here). */
function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => parts.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(stripFrames(Buffer.concat(parts))));
  });
}

function stripFrames(buffer: Buffer): string {
  const texts: string[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length && buffer[offset] <= 2) {
    const size = buffer.readUInt32BE(offset + 4);
    texts.push(buffer.subarray(offset + 8, offset + 8 + size).toString('utf8'));
    offset += 8 + size;
  }
  return texts.join('') || buffer.toString('utf8');
}
