// End to end: `berth serve` started with DOCKER_HOST=ssh://… (the private engine behind a private sshd whose
// sessions get DOCKER_HOST=<private engine>, as a remote user's own would). The discovered engine's page asks
// to trust the host key with its fingerprint and connects nowhere until it is; Trust and connect, then the
// Containers page lists through SSH. HOME (with the key as ~/.ssh/id_ed25519), known_hosts and config are temp.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

const containerName = `discovered-ssh-${randomBytes(2).toString('hex')}`;
let dir: string;
let sshd: PrivateSshd;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let container: Dockerode.Container | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'berth-e2e-discovered-ssh-'));
  sshd = await PrivateSshd.start({ env: { DOCKER_HOST: harness().dockerHost } });
  mkdirSync(join(dir, 'home', '.ssh'), { recursive: true, mode: 0o700 });
  copyFileSync(sshd.clientKeyPath, join(dir, 'home', '.ssh', 'id_ed25519'));
  container = await runIdleContainer(
    new Docker({ socketPath: harness().socketPath }),
    harness().busyboxImage,
    containerName,
  );
  serve = await startServe(sshd.address, [], {
    HOME: join(dir, 'home'),
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

describe('an ssh:// engine from DOCKER_HOST', () => {
  it('asks to trust the host key on the Engine page, then lists containers over SSH', async () => {
    const engines = new EnginePage(page);
    await engines.open();
    await engines.select('discovered');
    const details = engines.details('discovered');
    const fingerprint = await sshd.hostFingerprint();
    await details.getByText(fingerprint, { exact: true }).waitFor({ timeout: 30_000 });
    await details.getByRole('heading', { name: 'Trust this host?' }).waitFor();
    expect(await sshd.acceptedLogins()).toBe(0);
    await page.screenshot({ path: 'test-results/discovered-ssh-trust.png' });

    await details.getByRole('button', { name: 'Trust and connect', exact: true }).click();
    await engines.waitForState('discovered', 'Running', 30_000);
    await details.getByRole('heading', { name: 'Trust this host?' }).waitFor({ state: 'detached' });

    const containers = new ContainersPage(page);
    await containers.open();
    await containers.row(containerName).waitFor({ timeout: 15_000 });
    expect(await sshd.acceptedLogins()).toBe(1);
  });
});
