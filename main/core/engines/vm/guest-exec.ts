// One shell command in the guest over the VM's existing SSH connection: its output, its error output and its
// exit code, within a deadline. The VM's usage reading and its disk trim both go through it.
import type { Client, ClientChannel } from 'ssh2';
import { BerthError } from '../../../shared/errors';

export interface GuestOutput {
  stdout: string;
  stderr: string;
  /** null when the command ended on a signal. */
  code: number | null;
}

export async function execInGuest(ssh: Client, command: string, deadlineMs: number): Promise<GuestOutput> {
  const channel = await new Promise<ClientChannel>((resolve, reject) => {
    try {
      ssh.exec(command, (error, opened) => (error ? reject(error) : resolve(opened)));
    } catch (error) {
      // ssh2 throws at once when the connection is already gone.
      reject(error);
    }
  });
  const chunks: Buffer[] = [];
  const errors: Buffer[] = [];
  let code: number | null = null;
  channel.on('data', (chunk: Buffer) => chunks.push(chunk));
  channel.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  channel.on('exit', (exitCode: number | null) => (code = typeof exitCode === 'number' ? exitCode : null));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      channel.close();
      reject(new BerthError('ENGINE_UNREACHABLE', `The VM did not answer within ${deadlineMs / 1000} s.`));
    }, deadlineMs);
    channel.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    stdout: Buffer.concat(chunks).toString('utf8'),
    stderr: Buffer.concat(errors).toString('utf8').trim(),
    code,
  };
}
