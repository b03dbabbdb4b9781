// Owns running the in-guest stats collector over an existing SSH connection: one `exec` channel for the whole
// stream (no new connection, no channel per container). A VM provider offers it in one line:
//   guestStats(intervalMs) { return guestStatsOverSsh(() => this.tunnel.liveClient(), intervalMs); }
import type { Client, ClientChannel } from 'ssh2';
import { GUEST_STATS_COMMAND } from './guest-stats-protocol';
import { commandSource, describeExit, type GuestStatsSource } from './guest-source';

/** `client` may be a live ssh2 Client, or a function that returns one once the connection is up. */
export function guestStatsOverSsh(
  client: Client | (() => Client | Promise<Client>),
  intervalMs: number,
  command = GUEST_STATS_COMMAND,
): GuestStatsSource {
  return commandSource(async () => {
    const ssh = await (typeof client === 'function' ? client() : client);
    const channel = await new Promise<ClientChannel>((resolve, reject) => {
      try {
        ssh.exec(`${command} ${Math.round(intervalMs)}`, (error, opened) => (error ? reject(error) : resolve(opened)));
      } catch (error) {
        // ssh2 throws at once when the connection is already gone.
        reject(error);
      }
    });
    let how = 'the SSH channel closed';
    channel.once('exit', (code: number | null, signal?: string) => (how = describeExit(code, signal)));
    const exit = new Promise<string>((resolve) => channel.once('close', () => resolve(how)));
    // Closing the channel closes the command's stdout: its next frame fails to write and it exits (SIGPIPE).
    return { stdout: channel, stderr: channel.stderr, exit, stop: () => channel.close() };
  }, `the in-guest stats collector (${command})`);
}
