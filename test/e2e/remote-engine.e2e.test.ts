// End to end: a remote engine over SSH added from the Engine page of `berth serve` in Chromium. The "remote"
// is the private engine behind a private sshd on loopback. The page shows the host key's fingerprint (the
// same `ssh-keygen -lf` prints) and adds the engine only once it is trusted; made active, the Containers page
// lists through SSH (the same engine as the discovered one, so this checks the SSH path; engines.e2e checks
// that switching changes what the page shows). known_hosts, Berth's settings and the docker config are temp.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import type Dockerode from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { runIdleContainer } from '../harness/containers';
import { harness } from '../harness/context';
import { PrivateSshd } from '../harness/private-sshd';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ContainersPage } from './pages/containers-page';
import { EnginePage } from './pages/engine-page';

const name = `box-${randomBytes(2).toString('hex')}`;
const containerName = `${name}-idle`;
let dir: string;
let sshd: PrivateSshd;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let container: Dockerode.Container | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'berth-e2e-ssh-'));
  sshd = await PrivateSshd.start();
  container = await runIdleContainer(
    new Docker({ socketPath: harness().socketPath }),
    harness().busyboxImage,
    containerName,
  );
  serve = await startServe(harness().dockerHost, [], {
    BERTH_CONFIG_DIR: join(dir, 'berth'),
    DOCKER_CONFIG: join(dir, 'docker'),
    BERTH_SSH_KNOWN_HOSTS: join(dir, 'known_hosts'),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(serve.url);
});

afterAll(async () => {
  await container?.remove({ force: true });
  await browser?.close();
  await serve?.stop();
  await sshd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a remote engine over SSH', () => {
  it('asks to trust the host key with its fingerprint, adds the engine, and lists its containers when active', async () => {
    const engines = new EnginePage(page);
    await engines.open();
    const dialog = await engines.addRemote(name, sshd.address, sshd.clientKeyPath, harness().socketPath);
    const fingerprint = await sshd.hostFingerprint();
    await dialog.getByText(fingerprint).waitFor({ timeout: 15_000 });
    await expect(engines.engine(name).count()).resolves.toBe(0);
    await page.screenshot({ path: 'test-results/remote-engine-trust.png' });

    await dialog.getByRole('button', { name: 'Trust and add', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await engines.waitForState(name, 'Running', 30_000);
    await engines.select(name);
    await engines.button(name, 'Set active').click();
    await expect.poll(() => engines.engine(name).textContent()).toContain('Active');

    const containers = new ContainersPage(page);
    await containers.open();
    await containers.row(containerName).waitFor({ timeout: 15_000 });

    await engines.open();
    await engines.remove(name, false);
    await engines.engine(name).waitFor({ state: 'detached' });
  });
});
