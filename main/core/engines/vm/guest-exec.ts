// Runs one shell command in the guest over the VM's existing SSH connection and collects what it printed and
// how it ended, with a deadline: for the short steps Berth takes after a boot (mounting the shared folders).
import type { Client, ClientChannel } from 'ssh2';
import { BerthError } from '../../../shared/errors';

export interface GuestExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function guestExec(ssh: Client, command: string, deadlineMs: number): Promise<GuestExecResult> {
  const channel = await new Promise<ClientChannel>((resolve, reject) => {
    try {
      ssh.exec(command, (error, opened) => (error ? reject(error) : resolve(opened)));
    } catch (error) {
      // ssh2 throws at once when the connection is already gone.
      reject(error);
    }
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  channel.on('data', (chunk: Buffer) => stdout.push(chunk));
  channel.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    let exitCode: number | null = null;
    const timer = setTimeout(() => {
      channel.close();
      reject(new BerthError('ENGINE_UNREACHABLE', `The VM did not finish "${command}" within ${deadlineMs / 1000} s.`));
    }, deadlineMs);
    channel.once('exit', (value: number | null) => (exitCode = value));
    channel.once('close', () => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return {
    code,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
  };
}
