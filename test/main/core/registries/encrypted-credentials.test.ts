// Berth's encrypted credential store on a temp BERTH_CONFIG_DIR, with an AES-256-GCM test cipher standing in
// for Electron safeStorage: round trip, no plaintext on disk, atomic private writes, and entries that cannot be
// decrypted (another machine, serve mode, damage) listed with their problem instead of failing.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialsFileFor, EncryptedCredentials } from '../../../../main/core/registries/encrypted-credentials';
import { testCipher } from './test-cipher';

let dir: string;
const file = () => join(dir, 'berth', 'credentials.json');
const onDisk = async () =>
  JSON.parse(await readFile(file(), 'utf8')) as { version: number; registries: Record<string, string> };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-encrypted-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('EncryptedCredentials', () => {
  it('lives beside settings.json in the config folder', () => {
    expect(credentialsFileFor({ BERTH_CONFIG_DIR: '/cfg' })).toBe('/cfg/credentials.json');
  });

  it('round-trips credentials, with no plaintext in the file', async () => {
    const store = new EncryptedCredentials(file(), testCipher());
    expect(await store.list()).toEqual([]);
    await store.store('127.0.0.1:5000', { username: 'berth', secret: 'correct horse battery' });
    await store.store('https://index.docker.io/v1/', { username: 'hubuser', secret: 'idtok', identityToken: true });
    expect(await store.find('127.0.0.1:5000')).toEqual({
      key: '127.0.0.1:5000',
      credentials: { username: 'berth', secret: 'correct horse battery' },
      problem: null,
    });
    expect((await store.find('docker.io'))?.credentials).toEqual({
      username: 'hubuser',
      secret: 'idtok',
      identityToken: true,
    });
    expect(await store.find('ghcr.io')).toBeNull();
    const text = await readFile(file(), 'utf8');
    for (const plain of ['correct horse', 'berth"', 'hubuser', 'idtok']) expect(text).not.toContain(plain);
    expect(Object.keys((await onDisk()).registries).sort()).toEqual(['127.0.0.1:5000', 'https://index.docker.io/v1/']);
  });

  it('writes atomically (a new file renamed over the old, no temporary left) with mode 0600', async () => {
    const store = new EncryptedCredentials(file(), testCipher());
    await store.store('a.example.com', { username: 'a', secret: 'a' });
    const before = await stat(file());
    await store.store('b.example.com', { username: 'b', secret: 'b' });
    const after = await stat(file());
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'berth'))).toEqual(['credentials.json']);
    // Concurrent writes are queued: none is lost.
    await Promise.all(
      ['c', 'd', 'e'].map((name) => store.store(`${name}.example.com`, { username: name, secret: name })),
    );
    expect((await store.list()).map((entry) => entry.key).sort()).toEqual([
      'a.example.com',
      'b.example.com',
      'c.example.com',
      'd.example.com',
      'e.example.com',
    ]);
  });

  it('lists what another machine encrypted with its problem, never failing', async () => {
    await new EncryptedCredentials(file(), testCipher()).store('ghcr.io', { username: 'me', secret: 's' });
    const here = new EncryptedCredentials(file(), testCipher());
    const [entry] = await here.list();
    expect(entry).toMatchObject({
      key: 'ghcr.io',
      credentials: null,
      problem: expect.stringMatching(/cannot decrypt .*another user or machine.*Log in again/),
    });
    expect((await here.find('ghcr.io'))?.credentials).toBeNull();
    // Logging in again replaces it.
    await here.store('ghcr.io', { username: 'me', secret: 'new' });
    expect((await here.find('ghcr.io'))?.credentials).toEqual({ username: 'me', secret: 'new' });
  });

  it('without a cipher (serve mode): listed with the reason, and nothing can be stored', async () => {
    await new EncryptedCredentials(file(), testCipher()).store('ghcr.io', { username: 'me', secret: 's' });
    const serve = new EncryptedCredentials(file(), null);
    expect(await serve.list()).toEqual([
      { key: 'ghcr.io', credentials: null, problem: expect.stringMatching(/needs the Berth desktop app/) },
    ]);
    await expect(serve.store('x.example.com', { username: 'u', secret: 'p' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // Erasing needs no decryption, so serve mode can still log out.
    expect(await serve.erase('ghcr.io')).toBe(true);
    expect((await onDisk()).registries).toEqual({});
  });

  it('erases every alias of one registry and only that', async () => {
    const store = new EncryptedCredentials(file(), testCipher());
    await store.store('https://index.docker.io/v1/', { username: 'h', secret: 'h' });
    await store.store('keep.example.com', { username: 'k', secret: 'k' });
    expect(await store.erase('index.docker.io')).toBe(true);
    expect(await store.erase('nothing.example.com')).toBe(false);
    expect(Object.keys((await onDisk()).registries)).toEqual(['keep.example.com']);
  });

  it('a damaged file is a clear error naming it, and a damaged entry is a problem', async () => {
    const cipher = testCipher();
    await new EncryptedCredentials(file(), cipher).store('ok.example.com', { username: 'u', secret: 'p' });
    const entries = (await onDisk()).registries;
    await writeFile(
      file(),
      JSON.stringify({
        version: 1,
        registries: {
          ...entries,
          'bad.example.com': Buffer.from(cipher.encrypt('"just a string"')).toString('base64'),
        },
      }),
    );
    const store = new EncryptedCredentials(file(), cipher);
    expect((await store.find('bad.example.com'))?.problem).toMatch(/not a user name and secret/);
    expect((await store.find('ok.example.com'))?.credentials).toEqual({ username: 'u', secret: 'p' });
    await writeFile(file(), '{ nope');
    await expect(store.list()).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining(`${file()} is not valid JSON`),
    });
  });
});
