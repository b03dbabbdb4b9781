// RegistriesService on fixture docker configs in a temp DOCKER_CONFIG, with a fake credential helper
// (`docker-credential-berthtest`, a Node script on the PATH of the env handed to the service; its store file
// is named only in that env, which proves helpers run with the env Berth was given). The engine's /auth is a
// stand-in here; the real one is exercised in registries-service.int.test.ts.
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineConnection } from '../../../../main/core/connection/engine-connection';
import { silentLogger } from '../../../../main/core/logger';
import { RegistriesService } from '../../../../main/core/registries/registries-service';

const helperScript = `#!${process.execPath}
const fs = require('node:fs');
const file = process.env.BERTHTEST_STORE;
const store = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
const input = fs.readFileSync(0, 'utf8');
const action = process.argv[2];
if (action === 'get') {
  if (!store[input]) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
  process.stdout.write(JSON.stringify({ ServerURL: input, Username: store[input].Username, Secret: store[input].Secret }));
} else if (action === 'store') {
  const creds = JSON.parse(input);
  store[creds.ServerURL] = creds;
  fs.writeFileSync(file, JSON.stringify(store));
} else if (action === 'erase') {
  delete store[input];
  fs.writeFileSync(file, JSON.stringify(store));
} else if (action === 'list') {
  process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(store).map(([k, v]) => [k, v.Username]))));
}
`;

let dir: string;
let env: NodeJS.ProcessEnv;
const b64 = (text: string) => Buffer.from(text).toString('base64');
const configFile = () => join(dir, 'config', 'config.json');
const writeConfig = (config: unknown) => writeFile(configFile(), JSON.stringify(config));
const readConfig = async () => JSON.parse(await readFile(configFile(), 'utf8')) as Record<string, unknown>;
const helperStore = async () =>
  JSON.parse(await readFile(join(dir, 'store.json'), 'utf8')) as Record<string, { Username: string; Secret: string }>;

function service(
  checkAuth: (options: unknown) => Promise<unknown> = async () => ({ Status: 'Login Succeeded', IdentityToken: '' }),
) {
  const connection = { client: () => ({ checkAuth }) } as unknown as EngineConnection;
  return new RegistriesService({ connection, env, log: silentLogger });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-registries-'));
  await writeFile(join(dir, 'docker-credential-berthtest'), helperScript);
  await chmod(join(dir, 'docker-credential-berthtest'), 0o755);
  await mkdir(join(dir, 'config'));
  env = { DOCKER_CONFIG: join(dir, 'config'), PATH: `${dir}:/usr/bin:/bin`, BERTHTEST_STORE: join(dir, 'store.json') };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('authFor', () => {
  it('reads base64 auths, matching Docker Hub aliases and keys with a scheme or path', async () => {
    await writeConfig({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
        'http://legacy.example.com/v2/': { auth: b64('old:secret:with:colons') },
        'token.example.com': { auth: b64('me:'), identitytoken: 'tok' },
      },
    });
    const s = service();
    expect(await s.authFor('docker.io')).toEqual({
      username: 'hubuser',
      password: 'hubpass',
      serveraddress: 'https://index.docker.io/v1/',
    });
    expect(await s.authFor('legacy.example.com')).toEqual({
      username: 'old',
      password: 'secret:with:colons',
      serveraddress: 'legacy.example.com',
    });
    expect(await s.authFor('token.example.com')).toEqual({ identitytoken: 'tok', serveraddress: 'token.example.com' });
    expect(await s.authFor('ghcr.io')).toBeUndefined();
  });

  it('asks the credHelper for its registry and the credsStore for the rest; <token> means an identity token', async () => {
    await writeFile(
      env.BERTHTEST_STORE as string,
      JSON.stringify({
        'helped.example.com': { Username: 'h', Secret: 'hs' },
        'https://index.docker.io/v1/': { Username: '<token>', Secret: 'idtok' },
      }),
    );
    await writeConfig({ credHelpers: { 'helped.example.com': 'berthtest' }, credsStore: 'berthtest' });
    const s = service();
    expect(await s.authFor('helped.example.com')).toEqual({
      username: 'h',
      password: 'hs',
      serveraddress: 'helped.example.com',
    });
    expect(await s.authFor('docker.io')).toEqual({
      identitytoken: 'idtok',
      serveraddress: 'https://index.docker.io/v1/',
    });
    expect(await s.authFor('other.example.com')).toBeUndefined();
  });

  it('a missing helper is no crash: no credentials, and list() says why', async () => {
    await writeConfig({ credHelpers: { 'gone.example.com': 'nosuchhelper' } });
    const s = service();
    expect(await s.authFor('gone.example.com')).toBeUndefined();
    expect(await s.list()).toEqual([
      {
        registry: 'gone.example.com',
        source: 'credHelper',
        helper: 'nosuchhelper',
        username: null,
        problem: expect.stringContaining('docker-credential-nosuchhelper is not installed'),
      },
    ]);
  });

  it('no config at all means no credentials', async () => {
    expect(await service().authFor('docker.io')).toBeUndefined();
    expect(await service().list()).toEqual([]);
  });
});

describe('login and logout', () => {
  it('without helpers: base64 in auths, every other key kept, mode 0600; logout removes every alias', async () => {
    await writeConfig({
      currentContext: 'mine',
      proxies: { default: { httpProxy: 'x' } },
      auths: { 'keep.example.com': { auth: b64('k:k') }, 'https://example.com/': { auth: b64('a:b') } },
    });
    const result = await service().login('example.com', 'me', 'pw');
    expect(result).toEqual({
      registry: 'example.com',
      username: 'me',
      savedTo: 'config',
      location: configFile(),
      status: 'Login Succeeded',
    });
    const saved = await readConfig();
    expect(saved).toMatchObject({ currentContext: 'mine', proxies: { default: { httpProxy: 'x' } } });
    expect(saved.auths).toEqual({
      'keep.example.com': { auth: b64('k:k') },
      'https://example.com/': { auth: b64('a:b') },
      'example.com': { auth: b64('me:pw') },
    });
    expect((await stat(configFile())).mode & 0o777).toBe(0o600);
    await service().logout('example.com');
    expect((await readConfig()).auths).toEqual({ 'keep.example.com': { auth: b64('k:k') } });
  });

  it('with a credsStore: the secret goes to the helper, the file keeps an empty entry (like docker login)', async () => {
    await writeConfig({ credsStore: 'berthtest' });
    const result = await service().login('docker.io', 'hubuser', 'hubpass');
    expect(result).toMatchObject({ savedTo: 'credsStore', location: 'docker-credential-berthtest' });
    expect(await helperStore()).toEqual({
      'https://index.docker.io/v1/': {
        ServerURL: 'https://index.docker.io/v1/',
        Username: 'hubuser',
        Secret: 'hubpass',
      },
    });
    expect((await readConfig()).auths).toEqual({ 'https://index.docker.io/v1/': {} });
    expect(await service().list()).toEqual([
      { registry: 'docker.io', source: 'credsStore', helper: 'berthtest', username: 'hubuser', problem: null },
    ]);
    await service().logout('index.docker.io');
    expect(await helperStore()).toEqual({});
    expect((await readConfig()).auths).toEqual({});
  });

  it('with a credHelper for the registry: saved there, and an identity token is stored as <token>', async () => {
    await writeConfig({ credHelpers: { 'ecr.example.com': 'berthtest' }, credsStore: 'nosuchhelper' });
    const result = await service(async () => ({ Status: 'Login Succeeded', IdentityToken: 'idtok' })).login(
      'ecr.example.com',
      'u',
      'p',
    );
    expect(result).toMatchObject({ savedTo: 'credHelper', location: 'docker-credential-berthtest' });
    expect((await helperStore())['ecr.example.com']).toMatchObject({ Username: '<token>', Secret: 'idtok' });
  });

  it('a refused password saves nothing and says so', async () => {
    const refused = Object.assign(new Error('(HTTP code 401) unexpected'), {
      statusCode: 401,
      json: { message: 'login attempt to http://example.com/v2/ failed with status: 401 Unauthorized' },
    });
    const s = service(async () => Promise.reject(refused));
    await expect(s.login('example.com', 'me', 'wrong')).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringContaining('nothing was saved'),
    });
    await expect(stat(configFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
