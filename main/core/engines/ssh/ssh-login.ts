// Who logs in where for a remote engine: host, port and user from `ssh://user@host:port`, and the ways to
// authenticate (the user's ssh agent, a key file, or for an engine from DOCKER_HOST or a docker context what
// `ssh` itself would try: the agent, then ~/.ssh/id_*), each with a label for error messages. Keys with a
// passphrase are refused with the way out (ssh-add), since Berth has no prompt for it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
// ssh2 is CommonJS and Node's ESM loader sees only some of its names: use the default export.
import ssh2, { type AgentAuthMethod, type PublicKeyAuthMethod } from 'ssh2';
import type { EngineConfig } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import { parseEngineAddress } from '../../connection/engine-address';

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
    throw new BerthError(
      'INVALID_PAYLOAD',
      `${config.host} is not a remote engine address (${reason}): use ssh://user@host or ssh://user@host:port.`,
    );
  }
  const { host, port, user } = parsed.address;
  const username = user ?? env.USER ?? env.LOGNAME;
  if (!username)
    throw new BerthError(
      'INVALID_PAYLOAD',
      `${config.host} names no user and USER is not set: use ssh://user@${host}.`,
    );
  const realPort = port ?? 22;
  return { host, port: realPort, username, label: `${username}@${host}${realPort === 22 ? '' : `:${realPort}`}` };
}

function keyFileChoice(file: string, username: string): AuthChoice {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new BerthError(
      'INVALID_PAYLOAD',
      `Berth cannot read the key file ${file}: ${(error as Error).message}. Choose another key file, or use your ssh agent.`,
    );
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
export function authChoices(
  config: Pick<SshConfig, 'identityFile'>,
  login: SshLogin,
  env: NodeJS.ProcessEnv,
): AuthChoice[] {
  if (config.identityFile) return [keyFileChoice(config.identityFile, login.username)];
  const agent = env.SSH_AUTH_SOCK;
  if (!agent) {
    throw new BerthError(
      'INVALID_PAYLOAD',
      'No ssh agent is running for Berth (SSH_AUTH_SOCK is not set) and no key file was chosen: start ssh-agent and `ssh-add` your key, or choose a key file.',
    );
  }
  return [
    {
      method: { type: 'agent', username: login.username, agent },
      label: `the keys in your ssh agent (SSH_AUTH_SOCK=${agent})`,
    },
  ];
}

/** The key files `ssh` tries by default, in its order (DSA and security keys left out: ssh2 cannot use them). */
const defaultKeyFiles = ['id_rsa', 'id_ecdsa', 'id_ed25519'];

/**
 * An engine from DOCKER_HOST or a docker context names no key: log in as `ssh` would, with the agent's keys,
 * then ~/.ssh/id_* that need no passphrase. Throws, saying what to do, when there is nothing to try.
 */
export function sshDefaultAuthChoices(login: SshLogin, env: NodeJS.ProcessEnv): AuthChoice[] {
  const choices: AuthChoice[] = [];
  const agent = env.SSH_AUTH_SOCK;
  if (agent)
    choices.push({
      method: { type: 'agent', username: login.username, agent },
      label: `the keys in your ssh agent (SSH_AUTH_SOCK=${agent})`,
    });
  const home = env.HOME || env.USERPROFILE;
  const locked: string[] = [];
  for (const name of home ? defaultKeyFiles : []) {
    const file = path.join(home as string, '.ssh', name);
    if (!existsSync(file)) continue;
    try {
      choices.push(keyFileChoice(file, login.username));
    } catch (error) {
      // A key with a passphrase is skipped, as ssh without a terminal would; it is named if nothing else works.
      locked.push(`${file} (${(error as Error).message})`);
    }
  }
  if (choices.length > 0) return choices;
  const skipped = locked.length > 0 ? ` Skipped: ${locked.join('; ')}` : '';
  throw new BerthError(
    'INVALID_PAYLOAD',
    `Berth has no SSH key to log in to ${login.label} with: no ssh agent (SSH_AUTH_SOCK is not set) and no usable ~/.ssh/id_ed25519, id_ecdsa or id_rsa.${skipped} Start ssh-agent and \`ssh-add\` your key, then reconnect.`,
  );
}
