// End to end: a page whose code fails to arrive. Chromium aborts requests in flight when the host's network
// interfaces change (net::ERR_NETWORK_CHANGED), which a container engine does whenever a container starts: the
// page's code is fetched again, and a page that cannot load at all says so inside a shell that keeps working.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser';
import { harness } from '../harness/context';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { VolumesPage } from './pages/volumes-page';

let serve: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  serve = await startServe(harness().dockerHost);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

async function freshPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(serve.url);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

describe('the page itself', () => {
  it.each([
    ['its code', /\/assets\/index-[^/]+\.js$/],
    ['its stylesheet', /\/assets\/style-[^/]+\.css$/],
  ])('loads again when the first fetch of %s fails', async (_what, asset) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    let aborted = 0;
    await page.route(asset, async (route) => {
      if (aborted++ === 0) await route.abort('internetdisconnected');
      else await route.continue();
    });
    await page.goto(serve.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Containers', exact: true }).click();
    await page.getByRole('heading', { name: 'Containers', level: 1 }).waitFor({ timeout: 15_000 });
    expect(aborted).toBeGreaterThanOrEqual(2);
    // Styled: the sidebar has its width from the stylesheet.
    const sidebarWidth = await page
      .getByRole('navigation', { name: 'Main' })
      .evaluate((nav) => nav.getBoundingClientRect().width);
    expect(sidebarWidth).toBeLessThan(400);
    await page.close();
  });
});

describe('lazily loaded pages', () => {
  it('are fetched again when the first fetch of their code fails', async () => {
    const page = await freshPage();
    let aborted = 0;
    await page.route(/\/assets\/volumes-page-[^/]+\.js$/, async (route) => {
      if (aborted === 0) {
        aborted += 1;
        await route.abort('internetdisconnected');
      } else {
        await route.continue();
      }
    });
    await new VolumesPage(page).open();
    expect(aborted).toBe(1);
    await page.close();
  });

  it('that cannot load say so in the page, and the rest of the app keeps working', async () => {
    const page = await freshPage();
    await page.route(/\/assets\/volumes-page-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Volumes', exact: true }).click();
    await page.getByRole('heading', { name: 'This page could not be shown', level: 1 }).waitFor({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Reload Berth' }).isVisible()).resolves.toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Containers', exact: true }).click();
    await page.getByRole('heading', { name: 'Containers', level: 1 }).waitFor();
    await page.close();
  });
});
