// Credential helpers run for real: shell scripts named docker-credential-<name> on a temporary PATH. A name
// with a path in it is refused before anything runs; a helper that floods or hangs is stopped with a clear error.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CredentialHelper,
  CredentialHelperError,
  isValidHelperName,
} from '../../../../main/core/registries/credential-helper';

let bin: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  bin = await mkdtemp(join(tmpdir(), 'berth-helpers-'));
  env = { PATH: `${bin}:/usr/bin:/bin`, HOME: bin };
});

afterEach(async () => {
  await rm(bin, { recursive: true, force: true });
});

async function helper(file: string, script: string): Promise<void> {
  await writeFile(join(bin, file), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
}

describe('CredentialHelper', () => {
  it('runs a helper found on PATH and reads its answer', async () => {
    await helper(
      'docker-credential-test',
      'read server; printf \'{"Username":"ann","Secret":"s3cret","ServerURL":"%s"}\' "$server"',
    );
    await expect(new CredentialHelper('test', env).get('registry.example')).resolves.toEqual({
      username: 'ann',
      secret: 's3cret',
    });
  });

  it.each(['../../tmp/evil', 'a/b', '/abs/path', '..', '.hidden', 'with space', 'semi;colon', ''])(
    'refuses the name %j before running anything',
    async (name) => {
      expect(isValidHelperName(name)).toBe(false);
      const marker = join(bin, 'ran');
      // A script the name would reach if it were used as a path.
      await helper('evil', `touch ${marker}`);
      await expect(new CredentialHelper(name, env).get('registry.example')).rejects.toMatchObject({
        name: 'CredentialHelperError',
        message: expect.stringMatching(/not a helper name/),
      });
      await expect(new CredentialHelper(name, env).list()).rejects.toBeInstanceOf(CredentialHelperError);
    },
  );

  it('accepts the names real helpers have', () => {
    for (const name of [
      'desktop',
      'pass',
      'osxkeychain',
      'ecr-login',
      'gcloud',
      'acr-env',
      'secretservice',
      'wincred.exe',
      'my_helper2',
    ])
      expect(isValidHelperName(name)).toBe(true);
  });

  it('stops a helper that prints more than the cap', async () => {
    await helper('docker-credential-flood', 'yes AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const started = Date.now();
    await expect(
      new CredentialHelper('flood', env, { timeoutMs: 10_000, maxOutputBytes: 64 * 1024 }).get('registry.example'),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/printed more than 65536 bytes/),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('caps at 1 MiB by default', async () => {
    await helper('docker-credential-flood', 'head -c 2000000 /dev/zero');
    await expect(new CredentialHelper('flood', env).list()).rejects.toMatchObject({
      message: expect.stringMatching(/more than 1048576 bytes/),
    });
  });

  it('stops a helper that never answers within the time limit', async () => {
    await helper('docker-credential-hang', 'exec sleep 30');
    const started = Date.now();
    await expect(
      new CredentialHelper('hang', env, { timeoutMs: 300, maxOutputBytes: 1024 }).get('registry.example'),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/did not finish get within 0.3 s/),
    });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('says a missing helper is not installed', async () => {
    await expect(new CredentialHelper('absent', env).get('registry.example')).rejects.toMatchObject({
      missing: true,
      message: expect.stringMatching(/not installed/),
    });
  });
});
