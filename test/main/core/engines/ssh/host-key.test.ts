import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendKnownHost,
  fingerprintOf,
  hostKeyAlgorithms,
  hostKeyOf,
  knownHostsPath,
} from '../../../../../main/core/engines/ssh/host-key';
import { keygenFingerprint } from '../../../../harness/private-sshd';
import { runCommand } from '../../../../harness/run-command';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(`${tmpdir()}/berth-host-key-`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('host key', () => {
  it.each(['ed25519', 'ecdsa', 'rsa'])('prints the %s fingerprint exactly as ssh-keygen -lf does', async (type) => {
    const file = `${dir}/${type}`;
    await runCommand('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', file]);
    const [keyType, base64] = (await readFile(`${file}.pub`, 'utf8')).split(' ');
    const blob = Buffer.from(base64, 'base64');
    expect(fingerprintOf(blob)).toBe(await keygenFingerprint(`${file}.pub`));
    expect(hostKeyOf(blob)).toEqual({ keyType, key: base64, fingerprint: await keygenFingerprint(`${file}.pub`) });
  });

  it('finds known_hosts in BERTH_SSH_KNOWN_HOSTS, else under HOME', () => {
    expect(knownHostsPath({ BERTH_SSH_KNOWN_HOSTS: '/t/kh', HOME: '/home/me' })).toBe('/t/kh');
    expect(knownHostsPath({ HOME: '/home/me' })).toBe('/home/me/.ssh/known_hosts');
  });

  it('creates a missing folder (0700) and file (0600) and appends on its own line', async () => {
    const file = `${dir}/new/.ssh/known_hosts`;
    await appendKnownHost(file, 'a ssh-ed25519 AAAA');
    expect((await stat(`${dir}/new/.ssh`)).mode & 0o777).toBe(0o700);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const existing = `${dir}/existing`;
    await writeFile(existing, 'x ssh-rsa BBBB');
    await appendKnownHost(existing, 'a ssh-ed25519 AAAA');
    expect(await readFile(existing, 'utf8')).toBe('x ssh-rsa BBBB\na ssh-ed25519 AAAA\n');
  });

  it('asks first for the host key types known_hosts already has for that host', () => {
    const text = '[box]:2222 ssh-rsa AAAA\nother ecdsa-sha2-nistp256 BBBB\n';
    expect(hostKeyAlgorithms(text, 'box', 2222).slice(0, 4)).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
      'ssh-ed25519',
    ]);
    expect(hostKeyAlgorithms(text, 'box', 22)[0]).toBe('ssh-ed25519');
  });
});
