import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  entryMatches,
  hostToken,
  knownHostLine,
  lookupHostKey,
  parseKnownHosts,
} from '../../../../../main/core/engines/ssh/known-hosts';
import { runCommand } from '../../../../harness/run-command';

// Real keys (the type and blob fields of `.pub` files), made by ssh-keygen once for the file.
let dir: string;
const keys: Record<'ed25519' | 'ecdsa' | 'rsa' | 'other', { keyType: string; key: string }> = {} as never;

beforeAll(async () => {
  dir = await mkdtemp(`${tmpdir()}/berth-known-hosts-`);
  for (const [name, type] of [
    ['ed25519', 'ed25519'],
    ['ecdsa', 'ecdsa'],
    ['rsa', 'rsa'],
    ['other', 'ed25519'],
  ] as const) {
    await runCommand('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', `${dir}/${name}`]);
    const [keyType, key] = (await readFile(`${dir}/${name}.pub`, 'utf8')).split(' ');
    keys[name] = { keyType, key };
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('known_hosts', () => {
  it('uses [host]:port only for ports other than 22', () => {
    expect(hostToken('box', 22)).toBe('box');
    expect(hostToken('10.0.0.5', 2222)).toBe('[10.0.0.5]:2222');
  });

  it('finds a plain entry among comma-separated names, skipping comments and blank lines', () => {
    const text = `# mine\n\nother.example ${keys.rsa.keyType} ${keys.rsa.key}\nbox,10.0.0.5 ${keys.ed25519.keyType} ${keys.ed25519.key} me@laptop\n`;
    expect(lookupHostKey(text, '10.0.0.5', 22, keys.ed25519)).toEqual({ state: 'known', line: 4 });
    expect(lookupHostKey(text, 'box', 22, keys.ed25519)).toEqual({ state: 'known', line: 4 });
    expect(lookupHostKey(text, 'box', 2222, keys.ed25519)).toEqual({ state: 'unknown', otherTypes: [] });
  });

  it('matches [host]:port entries and not the same host on another port', () => {
    const text = knownHostLine('127.0.0.1', 2222, keys.ecdsa.keyType, keys.ecdsa.key);
    expect(text).toBe(`[127.0.0.1]:2222 ${keys.ecdsa.keyType} ${keys.ecdsa.key}`);
    expect(lookupHostKey(text, '127.0.0.1', 2222, keys.ecdsa).state).toBe('known');
    expect(lookupHostKey(text, '127.0.0.1', 22, keys.ecdsa).state).toBe('unknown');
  });

  it('matches entries hashed by ssh-keygen -H, for port 22 and [host]:port', async () => {
    const file = `${dir}/hashed`;
    await writeFile(
      file,
      `box ${keys.ed25519.keyType} ${keys.ed25519.key}\n[box]:2200 ${keys.rsa.keyType} ${keys.rsa.key}\n`,
    );
    await runCommand('ssh-keygen', ['-q', '-H', '-f', file]);
    const text = await readFile(file, 'utf8');
    expect(parseKnownHosts(text).every((entry) => entry.hosts.startsWith('|1|'))).toBe(true);
    expect(lookupHostKey(text, 'box', 22, keys.ed25519).state).toBe('known');
    expect(lookupHostKey(text, 'box', 2200, keys.rsa).state).toBe('known');
    expect(lookupHostKey(text, 'box', 2200, keys.ed25519)).toEqual({
      state: 'unknown',
      otherTypes: [keys.rsa.keyType],
    });
    expect(lookupHostKey(text, 'other', 22, keys.ed25519).state).toBe('unknown');
  });

  it('reports another key of the same type as a mismatch, with its line', () => {
    const text = `box ${keys.ecdsa.keyType} ${keys.ecdsa.key}\nbox ${keys.ed25519.keyType} ${keys.ed25519.key}\n`;
    expect(lookupHostKey(text, 'box', 22, keys.other)).toEqual({ state: 'mismatch', line: 2, revoked: false });
  });

  it('asks (does not refuse) when only keys of other types are known, as ssh does', () => {
    const text = `box ${keys.rsa.keyType} ${keys.rsa.key}\nbox ${keys.ecdsa.keyType} ${keys.ecdsa.key}\n`;
    expect(lookupHostKey(text, 'box', 22, keys.ed25519)).toEqual({
      state: 'unknown',
      otherTypes: [keys.rsa.keyType, keys.ecdsa.keyType],
    });
  });

  it('refuses a key marked @revoked even when another line lists it', () => {
    const text = `box ${keys.ed25519.keyType} ${keys.ed25519.key}\n@revoked * ${keys.ed25519.keyType} ${keys.ed25519.key}\n`;
    expect(lookupHostKey(text, 'box', 22, keys.ed25519)).toEqual({ state: 'mismatch', line: 2, revoked: true });
  });

  it('honours wildcards and negated patterns, and ignores @cert-authority lines', () => {
    expect(entryMatches({ hosts: '*.lab,!db.lab' }, 'web.lab')).toBe(true);
    expect(entryMatches({ hosts: '*.lab,!db.lab' }, 'db.lab')).toBe(false);
    expect(entryMatches({ hosts: 'web?.lab' }, 'web1.lab')).toBe(true);
    expect(entryMatches({ hosts: 'web.lab' }, 'webXlab')).toBe(false);
    const text = `@cert-authority *.lab ${keys.ed25519.keyType} ${keys.ed25519.key}\n`;
    expect(lookupHostKey(text, 'web.lab', 22, keys.ed25519).state).toBe('unknown');
  });
});
