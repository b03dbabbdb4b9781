// Turns ssh2's failures into sentences the Engine page can show: what went wrong on the way to the remote
// engine (network, login, host key, the engine's socket, sshd's forwarding policy) and what to do about it.
import { BerthError } from '../../../shared/errors';
import { needsUserAction } from '../../connection/retry-policy';
import type { SocketDiagnosis } from './socket-diagnosis';
import type { SshLogin } from './ssh-login';

interface Ssh2Error {
  message?: string;
  level?: string;
  code?: string;
}

const networkHints: Record<string, string> = {
  ECONNREFUSED: 'nothing accepts SSH connections there (is sshd running, and is the port right?)',
  EHOSTUNREACH: 'the host cannot be reached from here (network down, VPN off, or a firewall)',
  ENETUNREACH: 'the network of that host cannot be reached from here',
  ENOTFOUND: 'that host name does not resolve (check its spelling or your DNS)',
  EAI_AGAIN: 'that host name could not be resolved right now (DNS is not answering)',
  ETIMEDOUT: 'the host did not answer in time (it may be off, or a firewall drops the connection)',
  ECONNRESET: 'the host closed the connection during the handshake',
};

export interface LoginAttempt {
  /** Labels of the methods tried, in order (`the key file …`, `the keys in your ssh agent …`). */
  tried: string[];
  /** What the server said it accepts, from its last answer. */
  serverAccepts: string[];
}

/** Why opening the SSH connection failed; `hostKeyProblem` wins, since the verifier already knows the cause. */
export function loginFailure(
  error: unknown,
  login: SshLogin,
  attempt: LoginAttempt,
  hostKeyProblem: BerthError | null,
): BerthError {
  if (hostKeyProblem) return hostKeyProblem;
  const e = (error ?? {}) as Ssh2Error;
  const where = login.label;
  if (e.level === 'client-authentication') {
    const tried = attempt.tried.length > 0 ? attempt.tried.join(' and ') : 'no key at all';
    const accepts = attempt.serverAccepts.length > 0 ? ` The server accepts: ${attempt.serverAccepts.join(', ')}.` : '';
    // Trying the same keys again is refused again (and can get this machine banned by fail2ban): not retried.
    return needsUserAction(
      new BerthError(
        'ENGINE_UNREACHABLE',
        `SSH login as ${where} failed: the server refused ${tried}.${accepts} Add your public key to ~${login.username}/.ssh/authorized_keys on that machine, or choose the right key file.`,
      ),
    );
  }
  if (e.level === 'client-timeout') {
    return new BerthError(
      'ENGINE_UNREACHABLE',
      `SSH to ${where} got no handshake in time: the host may be overloaded, or something other than sshd answers on that port.`,
    );
  }
  const hint = e.code ? networkHints[e.code] : undefined;
  if (hint) return new BerthError('ENGINE_UNREACHABLE', `Cannot reach ${where} over SSH: ${hint} (${e.code}).`);
  return new BerthError('ENGINE_UNREACHABLE', `The SSH connection to ${where} failed: ${e.message ?? String(error)}.`);
}

/**
 * Why the remote engine's socket could not be opened. sshd answers "open failed" for a missing socket, a
 * forbidden one and its own policy alike, so the remote shell's `diagnosis` tells them apart when it can.
 */
export function socketFailure(
  error: unknown,
  login: SshLogin,
  socketPath: string,
  diagnosis: SocketDiagnosis,
): BerthError {
  const e = (error ?? {}) as Ssh2Error;
  const fail = (message: string): BerthError => new BerthError('ENGINE_UNREACHABLE', message);
  switch (diagnosis) {
    case 'missing':
      return fail(
        `There is no engine socket at ${socketPath} on ${login.label}: start the engine there (e.g. \`sudo systemctl start docker\`), or give the right socket path.`,
      );
    case 'denied':
      return fail(
        `${login.username} may not use ${socketPath} on ${login.label}: add that user to the docker group there (\`sudo usermod -aG docker ${login.username}\`), log in again, and reconnect.`,
      );
    case 'present':
      return fail(
        `The SSH server on ${login.label} refused to forward to ${socketPath}, which exists and ${login.username} may use: allow it with \`AllowStreamLocalForwarding yes\` in its sshd_config (and no \`no-port-forwarding\` or \`restrict\` on your key in authorized_keys), then reload sshd. If that is set, the engine behind the socket is not running.`,
      );
    case null:
      return fail(
        `The SSH server on ${login.label} could not open the engine socket ${socketPath} (${e.message ?? String(error)}): the engine is not running there, ${login.username} may not use the socket (add the user to the docker group), or sshd forbids socket forwarding (\`AllowStreamLocalForwarding\`).`,
      );
  }
}
