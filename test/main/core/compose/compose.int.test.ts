// Compose up and down through the core against the private engine, with the compose CLI this machine has
// (Debian's docker-compose 1.29 on CI): a two-service busybox file comes up as two containers labelled with
// its project and goes down by its file or by the project's name alone; a file compose cannot read streams
// compose's own message and a non-zero exit; a path that is not a compose file is refused before any CLI runs.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness } from '../../../harness/context';
import { startTestCore, type TestCore } from '../run/run-fixture';
import { runComposeStream } from './compose-stream';

let test: TestCore;
let dir: string;
const projects: string[] = [];

beforeAll(async () => {
  test = await startTestCore();
  dir = await mkdtemp(join(tmpdir(), 'berth-compose-int-'));
});

afterAll(async () => {
  // Whatever a failed test left: the containers of the projects it made.
  for (const project of projects) {
    const left = await test.docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${project}`] },
    });
    for (const container of left) await test.docker.getContainer(container.Id).remove({ force: true, v: true });
    const networks = await test.docker.listNetworks({ filters: { label: [`com.docker.compose.project=${project}`] } });
    for (const network of networks) await test.docker.getNetwork(network.Id).remove();
  }
  await test.close();
  await rm(dir, { recursive: true, force: true });
});

function newProject(): string {
  const name = `berth-int-${randomBytes(4).toString('hex')}`;
  projects.push(name);
  return name;
}

async function twoServiceFile(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'docker-compose.yml');
  const service = (name: string) =>
    [`  ${name}:`, `    image: ${harness().busyboxImage}`, '    command: sleep 1000', '    init: true'].join('\n');
  await writeFile(file, ['version: "2.4"', 'services:', service('web'), service('worker'), ''].join('\n'));
  return file;
}

async function projectContainers(project: string) {
  return test.docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } });
}

describe('compose', () => {
  it('reports the compose CLI this machine has', async () => {
    const cli = await test.call('compose:cli', {});
    expect(cli.found, JSON.stringify(cli)).not.toBeNull();
    expect(cli.found?.version).toMatch(/^\d+\.\d+/);
    expect(['docker compose', 'docker-compose']).toContain(cli.found?.command);
  });

  it('brings a two-service file up as two labelled containers, and down by its file', async () => {
    const project = newProject();
    const file = await twoServiceFile(join(dir, 'by-file'));
    const up = await runComposeStream(test.core, 'compose:up', { file, projectName: project });
    expect(up.refused).toBeNull();
    expect(up.end?.exitCode, up.text()).toBe(0);
    expect(up.text('system')).toContain(`up -d`);
    const containers = await projectContainers(project);
    expect(containers.map((c) => c.Labels['com.docker.compose.service']).sort()).toEqual(['web', 'worker']);
    expect(containers.every((c) => c.State === 'running')).toBe(true);

    const down = await runComposeStream(test.core, 'compose:down', { file, projectName: project });
    expect(down.end?.exitCode, down.text()).toBe(0);
    expect(await projectContainers(project)).toEqual([]);
  });

  it('takes a project down by its name alone (its containers name the file)', async () => {
    const project = newProject();
    const file = await twoServiceFile(join(dir, 'by-name'));
    const up = await runComposeStream(test.core, 'compose:up', { file, projectName: project });
    expect(up.end?.exitCode, up.text()).toBe(0);
    expect(await projectContainers(project)).toHaveLength(2);

    const down = await runComposeStream(test.core, 'compose:down', { projectName: project, removeVolumes: true });
    expect(down.refused).toBeNull();
    expect(down.end?.exitCode, down.text()).toBe(0);
    expect(await projectContainers(project)).toEqual([]);

    const again = await runComposeStream(test.core, 'compose:down', { projectName: project });
    expect(again.refused?.code).toBe('NOT_FOUND');
    expect(again.refused?.message).toContain('already down');
  });

  it("streams compose's message and a non-zero exit for a file with bad YAML", async () => {
    const file = join(dir, 'bad-yaml.yml');
    await writeFile(file, 'services:\n  web:\n    image: [unclosed\n');
    const run = await runComposeStream(test.core, 'compose:up', { file, projectName: newProject() });
    expect(run.refused).toBeNull();
    expect(run.end?.exitCode).not.toBe(0);
    expect(run.end?.exitCode).not.toBeNull();
    expect(run.text('stderr').toLowerCase()).toMatch(/yaml|parse|expected/);
  });

  it("streams compose's message for an unknown key", async () => {
    const file = join(dir, 'unknown-key.yml');
    await writeFile(
      file,
      `version: "2.4"\nservices:\n  web:\n    image: ${harness().busyboxImage}\n    bogus_key: 1\n`,
    );
    const project = newProject();
    const run = await runComposeStream(test.core, 'compose:up', { file, projectName: project });
    expect(run.end?.exitCode).not.toBe(0);
    expect(run.text('stderr')).toContain('bogus_key');
    expect(await projectContainers(project)).toEqual([]);
  });

  it('refuses a missing file, a folder and a relative path with what is wrong', async () => {
    const missing = await runComposeStream(test.core, 'compose:up', { file: join(dir, 'nope', 'compose.yml') });
    expect(missing.refused?.code).toBe('NOT_FOUND');
    expect(missing.refused?.message).toContain('No compose file at');
    const folder = await runComposeStream(test.core, 'compose:up', { file: dir });
    expect(folder.refused?.code).toBe('CONFLICT');
    expect(folder.refused?.message).toContain('is a folder');
    const relative = await runComposeStream(test.core, 'compose:down', { file: 'compose.yml' });
    expect(relative.refused?.code).toBe('INVALID_PAYLOAD');
    expect(relative.refused?.message).toContain('absolute path');
  });
});

describe('compose cancel', () => {
  it('closing the stream ends the compose CLI (its process group)', async () => {
    const folder = join(dir, 'slow-build');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'Dockerfile'), `FROM ${harness().busyboxImage}\nRUN sleep 1000\n`);
    const file = join(folder, 'docker-compose.yml');
    await writeFile(file, 'version: "2.4"\nservices:\n  slow:\n    build: .\n');
    const project = newProject();
    const streamId = randomUUID();
    const client = { id: 'compose-cancel-client' };
    const reply = await test.core.router.handle('compose:up', { streamId, file, projectName: project }, client);
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    // The CLI is running once a process names the file; it is building (sleep 1000) until cancelled.
    await waitFor(async () => (await processesNaming(file)).length > 0, 'compose running');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await processesNaming(file)).length).toBeGreaterThan(0);
    await test.core.router.handle('streams:close', { id: streamId }, client);
    await waitFor(async () => (await processesNaming(file)).length === 0, 'compose gone after close');
  });
});

async function processesNaming(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\0').includes(text)) pids.push(Number(entry));
  }
  return pids;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`[test] not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
