// What the compose channels say on a computer without any compose CLI, and the install hint per system.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installHint } from '../../../../main/core/compose/compose-cli';
import { ComposeService } from '../../../../main/core/compose/compose-service';
import { silentLogger } from '../../../../main/core/logger';
import { BerthError } from '../../../../main/shared/errors';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-compose-unit-'));
  file = join(dir, 'compose.yaml');
  await writeFile(file, 'services: {}\n');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

function serviceWithoutCli(): { service: ComposeService; opened: string[] } {
  const opened: string[] = [];
  const service = new ComposeService({
    env: {},
    connection: {
      client: () => {
        throw new Error('no engine in this test');
      },
    },
    engines: () => [],
    streams: {
      open: async (_client, id) => {
        opened.push(id);
        return { id };
      },
    },
    log: silentLogger,
    findCli: async () => null,
  });
  return { service, opened };
}

describe('without a compose CLI', () => {
  it('refuses up and down with how to get one, and opens no stream', async () => {
    const { service, opened } = serviceWithoutCli();
    // Each call made only when awaited: made together, the second could reject while the first is awaited, with
    // no handler yet (an unhandled rejection that failed a CI run though every test passed).
    const attempts = [
      () => service.up('c', { streamId: 's1', file }),
      () => service.down('c', { streamId: 's2', file }),
    ];
    for (const attempt of attempts) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BerthError);
      expect((error as BerthError).code).toBe('NOT_FOUND');
      expect((error as BerthError).message).toMatch(
        /No compose CLI here: neither `docker compose` nor `docker-compose`/,
      );
      expect((error as BerthError).message).toContain('docs.docker.com/compose/install');
    }
    expect(opened).toEqual([]);
  });

  it('checks the file first, so a missing file is said as such', async () => {
    const { service } = serviceWithoutCli();
    await expect(service.up('c', { streamId: 's', file: join(dir, 'nope.yaml') })).rejects.toThrow(
      /No compose file at/,
    );
  });
});

describe('installHint', () => {
  it('names a package manager per system', async () => {
    expect(await installHint('darwin')).toContain('brew install docker-compose');
    expect(await installHint('win32')).toContain('winget');
    expect(await installHint('linux')).toMatch(/Install Docker Compose/);
  });
});
