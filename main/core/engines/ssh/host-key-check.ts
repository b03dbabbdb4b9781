// Decides whether a remote's SSH host key may be used: known and equal, known with another key (refused as a
// possible attack), or unknown (the user is asked, seeing the fingerprint; never trusted silently). Also
// fetches a server's host key without logging in, for the question asked when an engine is added.
import ssh2, { type ServerHostKeyAlgorithm } from 'ssh2';
import type { HostKeyQuestion } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import {
  appendKnownHost,
  hostKeyAlgorithms,
  hostKeyOf,
  knownHostsPath,
  readKnownHosts,
  type HostKey,
} from './host-key';
import { hostToken, knownHostLine, lookupHostKey } from './known-hosts';
import { loginFailure } from './ssh-errors';
import { sshLogin, type SshLogin } from './ssh-login';

export const HANDSHAKE_TIMEOUT_MS = 10_000;

export type HostKeyVerdict =
  { state: 'known' } | { state: 'unknown'; question: HostKeyQuestion } | { state: 'refused'; error: BerthError };

export function judgeHostKey(knownHostsText: string, file: string, login: SshLogin, offered: HostKey): HostKeyVerdict {
  const found = lookupHostKey(knownHostsText, login.host, login.port, offered);
  if (found.state === 'known') return { state: 'known' };
  if (found.state === 'unknown') {
    return {
      state: 'unknown',
      question: { host: login.host, port: login.port, keyType: offered.keyType, fingerprint: offered.fingerprint },
    };
  }
  const token = hostToken(login.host, login.port);
  const why = found.revoked
    ? `is marked @revoked in ${file} (line ${found.line})`
    : `is not the one ${file} holds for it (line ${found.line})`;
  return {
    state: 'refused',
    error: new BerthError(
      'HOST_KEY_MISMATCH',
      `The SSH host key of ${token} (${offered.keyType} ${offered.fingerprint}) ${why}. Someone may be intercepting the connection (a man-in-the-middle attack), or the machine was reinstalled and got new keys. Berth will not connect. Check the key with the machine's owner; if the change is expected, remove line ${found.line} of ${file} (\`ssh-keygen -R "${token}" -f ${file}\`), then try again and compare the new fingerprint when Berth asks.`,
    ),
  };
}

/** Connects just far enough to see the server's host key (the verifier refuses it, so no login happens). */
export function fetchHostKey(login: SshLogin, algorithms: ServerHostKeyAlgorithm[]): Promise<HostKey> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    let offered: HostKey | null = null;
    const finish = (error: unknown): void => {
      client.removeAllListeners();
      // A late socket error after we are done must not become an unhandled 'error' event.
      client.on('error', () => undefined);
      client.end();
      if (offered) resolve(offered);
      else reject(loginFailure(error, login, { tried: [], serverAccepts: [] }, null));
    };
    client.once('error', finish);
    client.once('close', () => finish(new Error('the server closed the connection before showing its host key')));
    client.connect({
      host: login.host,
      port: login.port,
      username: login.username,
      readyTimeout: HANDSHAKE_TIMEOUT_MS,
      algorithms: { serverHostKey: algorithms },
      hostVerifier: (blob: Buffer) => {
        offered = hostKeyOf(blob);
        return false;
      },
    });
  });
}

export async function checkHostKeyOf(
  config: { host: string },
  env: NodeJS.ProcessEnv,
  trustFingerprint?: string,
): Promise<HostKeyQuestion | null> {
  const login = sshLogin(config, env);
  const file = knownHostsPath(env);
  const text = await readKnownHosts(file);
  const offered = await fetchHostKey(login, hostKeyAlgorithms(text, login.host, login.port));
  const verdict = judgeHostKey(text, file, login, offered);
  if (verdict.state === 'known') return null;
  if (verdict.state === 'refused') throw verdict.error;
  if (trustFingerprint !== verdict.question.fingerprint) return verdict.question;
  await appendKnownHost(file, knownHostLine(login.host, login.port, offered.keyType, offered.key));
  return null;
}

/** Adds the host's key to known_hosts if it still shows the fingerprint the user accepted; throws otherwise. */
export async function trustHostKeyOf(
  config: { host: string },
  env: NodeJS.ProcessEnv,
  fingerprint: string,
): Promise<void> {
  const question = await checkHostKeyOf(config, env, fingerprint);
  if (!question) return;
  throw new BerthError(
    'CONFLICT',
    `${config.host} now shows the host key ${question.keyType} ${question.fingerprint}, not the one you trusted (${fingerprint}). Compare the new fingerprint with the machine's owner before trusting it.`,
  );
}
