// Writes to the docker CLI's config.json: concurrent changes all land (each re-reads under a per-file queue),
// a symlinked config.json stays a symlink with its target updated, other keys and the private mode are kept.
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeAuth, readAuthConfig, updateAuths } from '../../../../main/core/registries/docker-auth-config';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-docker-config-'));
  env = { DOCKER_CONFIG: join(dir, 'docker'), HOME: dir };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (user: string) => ({ auth: encodeAuth(user, 'pw') });

describe('updateAuths', () => {
  it('keeps every one of many logins saved at once', async () => {
    await mkdir(env.DOCKER_CONFIG!, { recursive: true });
    await writeFile(join(env.DOCKER_CONFIG!, 'config.json'), JSON.stringify({ auths: {}, psFormat: 'table {{.ID}}' }));
    const registries = Array.from({ length: 8 }, (_, index) => `registry-${index}.example`);
    await Promise.all(
      registries.map((registry) => updateAuths(env, (current) => ({ ...current.auths, [registry]: entry(registry) }))),
    );
    const config = await readAuthConfig(env);
    expect(Object.keys(config.auths).sort()).toEqual([...registries].sort());
    expect(config.raw.psFormat).toBe('table {{.ID}}');
    expect((await stat(config.file)).mode & 0o777).toBe(0o600);
  });

  it('a logout and a login at once both apply', async () => {
    await updateAuths(env, () => ({ 'old.example': entry('old') }));
    await Promise.all([
      updateAuths(env, (current) =>
        Object.fromEntries(Object.entries(current.auths).filter(([key]) => key !== 'old.example')),
      ),
      updateAuths(env, (current) => ({ ...current.auths, 'new.example': entry('new') })),
    ]);
    expect(Object.keys((await readAuthConfig(env)).auths)).toEqual(['new.example']);
  });

  it('writes through a symlinked config.json to its target, which stays a symlink', async () => {
    const dotfiles = join(dir, 'dotfiles');
    await mkdir(dotfiles);
    await writeFile(join(dotfiles, 'docker-config.json'), JSON.stringify({ auths: {}, credHelpers: {} }));
    await mkdir(env.DOCKER_CONFIG!);
    await symlink('../dotfiles/docker-config.json', join(env.DOCKER_CONFIG!, 'config.json'));
    await updateAuths(env, (current) => ({ ...current.auths, 'r.example': entry('ann') }));
    const link = join(env.DOCKER_CONFIG!, 'config.json');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('../dotfiles/docker-config.json');
    expect(JSON.parse(await readFile(join(dotfiles, 'docker-config.json'), 'utf8')).auths['r.example']).toEqual(
      entry('ann'),
    );
    // No temporary file left anywhere.
    expect(await readdir(dotfiles)).toEqual(['docker-config.json']);
    expect(await readdir(env.DOCKER_CONFIG!)).toEqual(['config.json']);
  });

  it('creates the target of a dangling symlink rather than replacing the link', async () => {
    await mkdir(env.DOCKER_CONFIG!);
    const link = join(env.DOCKER_CONFIG!, 'config.json');
    await symlink(join(dir, 'elsewhere.json'), link);
    await updateAuths(env, () => ({ 'r.example': entry('bob') }));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'elsewhere.json'), 'utf8')).auths['r.example']).toEqual(entry('bob'));
  });

  it('writes nothing when the change says so', async () => {
    await updateAuths(env, () => null);
    await expect(stat(join(env.DOCKER_CONFIG!, 'config.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
