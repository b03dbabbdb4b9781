// When sshd will not open a channel to the engine socket it says only "open failed", whatever the cause.
// Asking the remote shell tells a missing socket from one the user may not use, and both from sshd's policy.
import type { Client } from 'ssh2';

export type SocketDiagnosis = 'missing' | 'denied' | 'present' | null;

// Only asked after a failure; a loaded machine (or remote) can take a few seconds to start a shell.
const DIAGNOSIS_TIMEOUT_MS = 8_000;

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** null when the remote shell cannot tell (no shell allowed, a forced command, no answer in time). */
export function diagnoseSocket(client: Client, socketPath: string): Promise<SocketDiagnosis> {
  const quoted = shellQuote(socketPath);
  const script = `if [ ! -e ${quoted} ]; then echo missing; elif [ ! -r ${quoted} ] || [ ! -w ${quoted} ]; then echo denied; else echo present; fi`;
  return new Promise((resolve) => {
    let output = '';
    const timer = setTimeout(() => resolve(null), DIAGNOSIS_TIMEOUT_MS);
    const done = (value: SocketDiagnosis): void => {
      clearTimeout(timer);
      resolve(value);
    };
    try {
      client.exec(script, (error, channel) => {
        if (error) return done(null);
        channel.on('data', (chunk: Buffer) => (output += chunk.toString()));
        channel.stderr.resume();
        channel.on('close', () => {
          const word = output.trim();
          done(word === 'missing' || word === 'denied' || word === 'present' ? word : null);
        });
      });
    } catch {
      // exec throws when the connection is already gone; the caller then reports the channel error alone.
      done(null);
    }
  });
}
