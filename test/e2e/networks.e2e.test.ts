// End to end in Chromium against `berth serve` and the private engine: create a network, connect a container,
// see it attached with its address, disconnect it, remove the network; removing the built-in bridge is
// refused in plain words. Screenshots in light and dark.
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { harness } from '../harness/context';
import { runIdleContainer } from '../harness/containers';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { NetworksPage } from './pages/networks-page';
import { shots } from './screenshots';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let docker: Docker;
const suffix = randomBytes(3).toString('hex');
const network = `e2e-net-${suffix}`;
const member = `e2e-net-member-${suffix}`;

beforeAll(async () => {
  docker = new Docker({ socketPath: harness().socketPath });
  await runIdleContainer(docker, harness().busyboxImage, member);
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(serve.url);
});

afterAll(async () => {
  await docker
    ?.getContainer(member)
    .remove({ force: true })
    .catch(() => undefined);
  await docker
    ?.getNetwork(network)
    .remove()
    .catch(() => undefined);
  await browser?.close();
  await serve?.stop();
});

const screenshots = (name: string) => shots(page, name);

describe('Networks page', () => {
  it('creates a network, connects a container, shows its address, disconnects it and removes the network', async () => {
    const networks = new NetworksPage(page);
    await networks.open();
    await page.getByRole('button', { name: 'Create network' }).click();
    await screenshots('networks-create');
    await page.keyboard.press('Escape');
    await networks.create(network, '10.242.3.0/24');
    await networks.row(network).waitFor();
    expect(await networks.row(network).textContent()).toContain('10.242.3.0/24');

    await page.getByRole('button', { name: `Inspect ${network}` }).click();
    const dialog = networks.inspectDialog(network);
    await dialog.getByText(`No container is connected to ${network}.`).waitFor();
    await dialog.getByRole('button', { name: /Container/ }).click();
    await page.getByRole('option', { name: new RegExp(member) }).click();
    await dialog.getByRole('textbox', { name: 'Aliases (optional)' }).fill('db');
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    const attached = dialog.getByRole('row', { name: new RegExp(member) });
    await attached.waitFor();
    expect(await attached.textContent()).toMatch(/10\.242\.3\.\d+/);
    expect(await attached.textContent()).toContain('db');
    await screenshots('networks-inspect');

    // Removing it while the container is on it: the engine's refusal, in words.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await networks.remove(network);
    await networks.alert().filter({ hasText: 'in use' }).waitFor();
    expect(await networks.alert().textContent()).toContain(member);
    await screenshots('networks-refused');
    await networks.alert().getByRole('button', { name: 'Dismiss' }).click();

    await page.getByRole('button', { name: `Inspect ${network}` }).click();
    await dialog.getByRole('button', { name: `Disconnect ${member}` }).click();
    await dialog.getByText(`No container is connected to ${network}.`).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await networks.remove(network);
    await networks.row(network).waitFor({ state: 'detached' });
    expect((await docker.listNetworks()).map((each) => each.Name)).not.toContain(network);
  });

  it('refuses to remove the built-in bridge network in plain words', async () => {
    const networks = new NetworksPage(page);
    await networks.open();
    await networks.remove('bridge');
    await networks.alert().filter({ hasText: 'cannot be removed' }).waitFor();
    expect((await docker.listNetworks()).map((each) => each.Name)).toContain('bridge');
  });
});
