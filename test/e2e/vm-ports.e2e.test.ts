// End to end: a VM engine's published ports in Chromium, against `berth serve` and a real QEMU VM (tcg). The VM
// is added through the Add engine dialog and made active; the harness's busybox image goes into it as
// `docker save | docker load` over the VM's engine socket (the guest cannot pull from the host's plain-HTTP
// registry); a busybox httpd published on a free port is opened by clicking its port link on the Containers
// page, and the page it serves is seen; a second container's host port, which another program here holds on
// 127.0.0.1, carries its problem marker on the Containers page and in the Engine page's Forwarded ports panel,
// which lists only the address that really listens (::1). Screenshots, light and dark, go to test-results/.
// Boots a VM: run it under `flock /tmp/vm.lock`.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import Dockerode from 'dockerode';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLocalPort } from '../../main/core/engines/free-local-port';
import { vmLayout } from '../../main/core/engines/vm/vm-layout';
import { BridgeClient } from '../harness/bridge-client';
import { launchChromium } from '../harness/browser';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import {
  ensureVmImage,
  IMAGE_BUILD_TIMEOUT_MS,
  killProcessesMentioning,
  vmTestDirs,
  type VmTestDirs,
} from '../main/core/engines/vm/vm-fixture';
import { ContainersPage } from './pages/containers-page';
import { EnginePage } from './pages/engine-page';

const BOOT_TIMEOUT_MS = 300_000;
const FORWARD_TIMEOUT_MS = 30_000;
const SERVED_TEXT = 'Hello from a container in the VM';
// The page the container serves: a title and a heading, so the screenshot shows what Chromium rendered.
const SERVED_HTML = `<!doctype html><title>Served from the VM</title><h1>${SERVED_TEXT}</h1>`;
/** The VM's settings keys (vm-fixture.ts) that `berth serve` needs to find the image and keep to temp folders. */
const VM_ENV_KEYS = [
  'BERTH_DATA_DIR',
  'BERTH_RUNTIME_DIR',
  'BERTH_CONFIG_DIR',
  'DOCKER_CONFIG',
  'BERTH_VM_ACCEL',
  'BERTH_VM_IMAGE_DIR',
] as const;

const name = `p${randomBytes(3).toString('hex')}`;
const id = `vm-${name}`;
const webName = `vm-web-${name}`;
const takenName = `vm-taken-${name}`;
let dirs: VmTestDirs | null = null;
let vmDir = '';
let serve: ServeProcess | null = null;
let browser: Browser | null = null;
let context: BrowserContext;
let page: Page;
let holder: net.Server | null = null;

beforeAll(async () => {
  dirs = await vmTestDirs(await ensureVmImage());
  vmDir = vmLayout(name, dirs.env).vmDir;
  const env = Object.fromEntries(VM_ENV_KEYS.map((key) => [key, dirs!.env[key]!]));
  serve = await startServe(harness().dockerHost, [], env);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(serve.url);
  mkdirSync('test-results', { recursive: true });
}, IMAGE_BUILD_TIMEOUT_MS);

afterAll(async () => {
  try {
    // Through the core, not the page: the VM must go (QEMU and its data) even when a step failed.
    if (serve) {
      const bridge = await BridgeClient.connect(serve);
      const removed = await bridge.request('engines:remove', { id, deleteData: true }, 120_000);
      if (!removed.ok && removed.error.code !== 'NOT_FOUND')
        console.error('[e2e] could not remove the VM', removed.error, serve.output().slice(-3000));
      await bridge.close();
    }
  } finally {
    await browser?.close();
    await serve?.stop();
    if (holder) await new Promise((resolve) => holder!.close(resolve));
    if (vmDir) await killProcessesMentioning(vmDir);
    await dirs?.cleanup();
  }
}, 180_000);

/** The VM's engine as the `berth-<name>` docker context reaches it: its socket on this computer. */
function vmEngine(): Dockerode {
  return new Dockerode({ socketPath: vmLayout(name, dirs!.env).hostSocket });
}

async function loadBusybox(vm: Dockerode): Promise<void> {
  const saved = await new Dockerode({ socketPath: harness().socketPath }).getImage(harness().busyboxImage).get();
  const loading = await vm.loadImage(saved);
  await new Promise((resolve, reject) =>
    vm.modem.followProgress(loading, (error) => (error ? reject(error) : resolve(undefined))),
  );
}

async function runWeb(vm: Dockerode, container: string, hostPort: number): Promise<void> {
  const web = await vm.createContainer({
    Image: harness().busyboxImage,
    name: container,
    Cmd: ['sh', '-c', `mkdir /www && echo '${SERVED_HTML}' > /www/index.html && exec httpd -f -p 80 -h /www`],
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: String(hostPort) }] } },
  });
  await web.start();
}

async function screenshots(what: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `test-results/vm-ports-${what}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('a VM engine’s published ports in the browser', () => {
  it(
    'opens the page a container in the VM serves from its port link, and marks a host port that is taken',
    { timeout: 900_000 },
    async () => {
      const engines = new EnginePage(page);
      await engines.open();
      await engines.addVm(name, BOOT_TIMEOUT_MS);
      await engines.select(name);
      await engines.waitForState(name, 'Running', BOOT_TIMEOUT_MS);
      await engines.button(name, 'Set active').click();
      await expect.poll(() => engines.engine(name).textContent(), { timeout: 60_000 }).toContain('Active');

      const vm = vmEngine();
      await loadBusybox(vm);
      const [webPort, takenPort] = [await freeLocalPort(), await freeLocalPort()];
      // Another program on this computer holds 127.0.0.1:<takenPort> before the container publishes it.
      holder = net.createServer();
      await new Promise<void>((resolve) => holder!.listen(takenPort, '127.0.0.1', resolve));
      await runWeb(vm, webName, webPort);
      await runWeb(vm, takenName, takenPort);

      const containers = new ContainersPage(page);
      await containers.open();
      const link = containers.portLink(webName, `${webPort}→80/tcp`);
      await link.waitFor({ timeout: FORWARD_TIMEOUT_MS });
      expect(await link.getAttribute('href')).toBe(`http://localhost:${webPort}/`);
      const marker = containers.portProblem(takenName, `${takenPort}→80/tcp`);
      await marker.waitFor({ timeout: FORWARD_TIMEOUT_MS });
      expect(await marker.getAttribute('title')).toMatch(
        new RegExp(`127\\.0\\.0\\.1:${takenPort} is already in use by another program`),
      );
      expect(await containers.portLink(takenName, `${takenPort}→80/tcp`).count()).toBe(0);
      await screenshots('containers');

      // The link opens a new tab, as a person's click does; Berth's forward answers there with the VM's page.
      const [served] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await served.waitForLoadState();
      await served.getByRole('heading', { name: SERVED_TEXT }).waitFor({ timeout: FORWARD_TIMEOUT_MS });
      expect(served.url()).toBe(`http://localhost:${webPort}/`);
      expect(await served.title()).toBe('Served from the VM');
      await served.screenshot({ path: 'test-results/vm-ports-served-page.png' });
      await served.close();

      await engines.open();
      await engines.select(name);
      const taken = engines.forwardedPort(name, takenPort);
      await taken.getByText(/is already in use by another program/).waitFor({ timeout: FORWARD_TIMEOUT_MS });
      // Only the address that really listens: ::1 took the port, 127.0.0.1 did not.
      expect(await taken.getByRole('cell').nth(1).textContent()).toBe('[::1]');
      const web = engines.forwardedPort(name, webPort);
      expect(await web.getByRole('cell').allTextContents()).toEqual([webName, '127.0.0.1, [::1]', 'Forwarded']);
      await engines
        .forwardedPorts(name)
        .getByRole('status')
        .filter({ hasText: '1 port is not reachable on this computer.' })
        .waitFor();
      await engines.forwardedPorts(name).scrollIntoViewIfNeeded();
      await screenshots('engine');
    },
  );
});
