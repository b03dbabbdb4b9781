// Who logs in where for a remote engine: host, port and user from `ssh://user@host:port`, and the ways to
// authenticate (the user's ssh agent, a key file), each with a label for error messages. Keys with a
// passphrase are refused with the way out (ssh-add), since Berth has no prompt for it.
import { readFileSync } from 'node:fs';
// ssh2 is CommonJS and Node's ESM loader sees only some of its names: use the default export.
import ssh2, { type AgentAuthMethod, type PublicKeyAuthMethod } from 'ssh2';
import type { EngineConfig } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import { parseEngineAddress } from '../../engine/engine-address';

type SshConfig = Extract<EngineConfig, { kind: 'ssh' }>;

export interface SshLogin {
  host: string;
  port: number;
  username: string;
  /** `user@host:port`, for messages. */
  label: string;
}

export interface AuthChoice {
  method: AgentAuthMethod | PublicKeyAuthMethod;
  /** `the key file ~/.ssh/id_ed25519`, `the keys in your ssh agent (SSH_AUTH_SOCK=…)`. */
  label: string;
}

export function sshLogin(config: Pick<SshConfig, 'host'>, env: NodeJS.ProcessEnv): SshLogin {
  const parsed = parseEngineAddress(config.host, { tls: false });
  if (!parsed.ok || parsed.address.kind !== 'ssh') {
    const reason = parsed.ok ? 'it is not an ssh:// address' : parsed.reason;
    throw new BerthError('INVALID_PAYLOAD', `${config.host} is not a remote engine address (${reason}): use ssh://user@host or ssh://user@host:port.`);
  }
  const { host, port, user } = parsed.address;
  const username = user ?? env.USER ?? env.LOGNAME;
  if (!username) throw new BerthError('INVALID_PAYLOAD', `${config.host} names no user and USER is not set: use ssh://user@${host}.`);
  const realPort = port ?? 22;
  return { host, port: realPort, username, label: `${username}@${host}${realPort === 22 ? '' : `:${realPort}`}` };
}

function keyFileChoice(file: string, username: string): AuthChoice {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new BerthError('INVALID_PAYLOAD', `Berth cannot read the key file ${file}: ${(error as Error).message}. Choose another key file, or use your ssh agent.`);
  }
  const parsed = ssh2.utils.parseKey(data);
  if (parsed instanceof Error) {
    if (/encrypted|passphrase/i.test(parsed.message)) {
      throw new BerthError(
        'INVALID_PAYLOAD',
        `The key file ${file} is protected by a passphrase, which Berth does not ask for. Load it into your ssh agent (\`ssh-add ${file}\`) and add the engine without a key file, so the agent is used.`,
      );
    }
    throw new BerthError('INVALID_PAYLOAD', `${file} is not a private key Berth can use: ${parsed.message}.`);
  }
  return { method: { type: 'publickey', username, key: data }, label: `the key file ${file}` };
}

/** The ways to log in, in the order tried: the chosen key file, else the agent. */
export function authChoices(config: Pick<SshConfig, 'identityFile'>, login: SshLogin, env: NodeJS.ProcessEnv): AuthChoice[] {
  if (config.identityFile) return [keyFileChoice(config.identityFile, login.username)];
  const agent = env.SSH_AUTH_SOCK;
  if (!agent) {
    throw new BerthError('INVALID_PAYLOAD', 'No ssh agent is running for Berth (SSH_AUTH_SOCK is not set) and no key file was chosen: start ssh-agent and `ssh-add` your key, or choose a key file.');
  }
  return [{ method: { type: 'agent', username: login.username, agent }, label: `the keys in your ssh agent (SSH_AUTH_SOCK=${agent})` }];
}
