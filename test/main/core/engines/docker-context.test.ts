// The docker CLI contexts Berth keeps for its own engines: the same bytes `docker context create` writes
// (checked against the real CLI when it is installed), updated when the socket moves, removed with the
// engine, and config.json (the user's current context) never touched. Everything under a temp DOCKER_CONFIG.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contextDescription,
  contextMetaDir,
  contextMetaJson,
  contextNameFor,
  removeDockerContext,
  writeDockerContext,
} from '../../../../main/core/engines/docker-context';
import { contextDigest, readContext } from '../../../../main/core/connection/docker-config';

const DOCKER_CLI = '/usr/bin/docker';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-context-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('contextNameFor', () => {
  it('names the embedded engine berth and others berth-<name>', () => {
    expect(contextNameFor('berth')).toBe('berth');
    expect(contextNameFor('dev')).toBe('berth-dev');
  });
});

describe('contextMetaJson', () => {
  it("has the docker CLI's shape", () => {
    expect(contextMetaJson('berth-dev', 'unix:///run/berth/dev/docker.sock', 'd')).toBe(
      '{"Name":"berth-dev","Metadata":{"Description":"d"},"Endpoints":{"docker":{"Host":"unix:///run/berth/dev/docker.sock","SkipTLSVerify":false}}}',
    );
  });

  it.skipIf(!existsSync(DOCKER_CLI))('is byte for byte what `docker context create` writes', async () => {
    const cliConfig = join(dir, 'cli');
    const host = 'unix:///tmp/berth-rt/dev/docker.sock';
    await promisify(execFile)(
      DOCKER_CLI,
      ['context', 'create', 'berth-dev', '--description', contextDescription('dev'), '--docker', `host=${host}`],
      {
        env: { PATH: process.env.PATH, HOME: dir, DOCKER_CONFIG: cliConfig },
      },
    );
    const ours = join(dir, 'ours');
    await writeDockerContext({ DOCKER_CONFIG: ours }, 'dev', host);
    const relative = join('contexts', 'meta', contextDigest('berth-dev'), 'meta.json');
    expect(await readFile(join(ours, relative), 'utf8')).toBe(await readFile(join(cliConfig, relative), 'utf8'));
  });
});

describe('writeDockerContext and removeDockerContext', () => {
  it('writes a context discovery can read, updates it when the socket moves, and removes it', async () => {
    const env = { DOCKER_CONFIG: join(dir, 'lifecycle') };
    const config = `${JSON.stringify({ currentContext: 'mine', auths: {} })}\n`;
    await mkdir(env.DOCKER_CONFIG, { recursive: true });
    await writeFile(join(env.DOCKER_CONFIG, 'config.json'), config);

    expect(await writeDockerContext(env, 'dev', 'unix:///r/dev/docker.sock')).toEqual({
      name: 'berth-dev',
      changed: true,
    });
    expect(await writeDockerContext(env, 'dev', 'unix:///r/dev/docker.sock')).toEqual({
      name: 'berth-dev',
      changed: false,
    });
    const fs = { readFile: (file: string) => readFileSync(file, 'utf8') };
    expect(readContext(fs, env.DOCKER_CONFIG, 'berth-dev', 'test', 'linux')).toEqual({
      ok: true,
      value: { name: 'berth-dev', host: 'unix:///r/dev/docker.sock', tls: null },
    });

    expect((await writeDockerContext(env, 'dev', 'unix:///s/dev/docker.sock')).changed).toBe(true);
    expect(readContext(fs, env.DOCKER_CONFIG, 'berth-dev', 'test', 'linux')).toMatchObject({
      ok: true,
      value: { host: 'unix:///s/dev/docker.sock' },
    });
    // No temporary file is left beside it.
    expect(await readdir(contextMetaDir(env, 'berth-dev'))).toEqual(['meta.json']);

    expect(await removeDockerContext(env, 'dev')).toBe('berth-dev');
    expect(existsSync(contextMetaDir(env, 'berth-dev'))).toBe(false);
    expect(await readFile(join(env.DOCKER_CONFIG, 'config.json'), 'utf8')).toBe(config);
  });
});
