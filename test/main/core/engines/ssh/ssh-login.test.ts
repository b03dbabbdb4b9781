import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authChoices, sshDefaultAuthChoices, sshLogin } from '../../../../../main/core/engines/ssh/ssh-login';
import { runCommand } from '../../../../harness/run-command';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(`${tmpdir()}/berth-ssh-login-`);
  await runCommand('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', `${dir}/plain`]);
  await runCommand('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret words', '-f', `${dir}/locked`]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sshLogin', () => {
  it('takes user and port from the address, else USER and 22', () => {
    expect(sshLogin({ host: 'ssh://ops@box:2222' }, { USER: 'me' })).toEqual({
      host: 'box',
      port: 2222,
      username: 'ops',
      label: 'ops@box:2222',
    });
    expect(sshLogin({ host: 'ssh://box' }, { USER: 'me' })).toEqual({
      host: 'box',
      port: 22,
      username: 'me',
      label: 'me@box',
    });
  });

  it('refuses an address that is not ssh://', () => {
    expect(() => sshLogin({ host: 'tcp://box:2375' }, { USER: 'me' })).toThrow(/not a remote engine address/);
  });
});

describe('authChoices', () => {
  const login = { host: 'box', port: 22, username: 'me', label: 'me@box' };

  it('uses the agent from SSH_AUTH_SOCK when no key file is chosen', () => {
    const [choice] = authChoices({ identityFile: null }, login, { SSH_AUTH_SOCK: '/tmp/agent.sock' });
    expect(choice.method).toEqual({ type: 'agent', username: 'me', agent: '/tmp/agent.sock' });
    expect(choice.label).toContain('ssh agent');
  });

  it('says what to do when there is neither an agent nor a key file', () => {
    expect(() => authChoices({ identityFile: null }, login, {})).toThrow(/SSH_AUTH_SOCK is not set.*choose a key file/);
  });

  it('uses a key file without a passphrase', () => {
    const [choice] = authChoices({ identityFile: `${dir}/plain` }, login, {});
    expect(choice.method.type).toBe('publickey');
    expect(choice.label).toBe(`the key file ${dir}/plain`);
  });

  it('asks to load a passphrase-protected key into ssh-agent', () => {
    expect(() => authChoices({ identityFile: `${dir}/locked` }, login, {})).toThrow(`ssh-add ${dir}/locked`);
  });

  it('says when the key file cannot be read', () => {
    expect(() => authChoices({ identityFile: `${dir}/absent` }, login, {})).toThrow(/cannot read the key file/);
  });
});

describe('sshDefaultAuthChoices', () => {
  const login = { host: 'box', port: 22, username: 'me', label: 'me@box' };

  it('tries the agent, then the ~/.ssh/id_* keys that need no passphrase, as ssh would', async () => {
    const home = await mkdtemp(`${tmpdir()}/berth-ssh-home-`);
    try {
      await mkdir(`${home}/.ssh`);
      await copyFile(`${dir}/plain`, `${home}/.ssh/id_ed25519`);
      await copyFile(`${dir}/locked`, `${home}/.ssh/id_rsa`);
      const choices = sshDefaultAuthChoices(login, { HOME: home, SSH_AUTH_SOCK: '/tmp/agent.sock' });
      expect(choices.map((choice) => choice.label)).toEqual([
        'the keys in your ssh agent (SSH_AUTH_SOCK=/tmp/agent.sock)',
        `the key file ${home}/.ssh/id_ed25519`,
      ]);
      expect(sshDefaultAuthChoices(login, { HOME: home }).map((choice) => choice.method.type)).toEqual(['publickey']);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it('says what to do when there is nothing to log in with, naming a skipped locked key', async () => {
    const home = await mkdtemp(`${tmpdir()}/berth-ssh-home-`);
    try {
      await mkdir(`${home}/.ssh`);
      await copyFile(`${dir}/locked`, `${home}/.ssh/id_ed25519`);
      let thrown: unknown;
      try {
        sshDefaultAuthChoices(login, { HOME: home });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({
        code: 'INVALID_PAYLOAD',
        message: expect.stringMatching(/no ssh agent.*Skipped: .*id_ed25519.*passphrase.*ssh-add/s),
      });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
