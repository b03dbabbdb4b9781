// The soak's browser side: the Containers page of `berth serve` open in Chromium, with its long tasks and JS
// heap read through the page probes.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/harness/browser';
import { ContainersPage } from '../test/e2e/pages/containers-page';
import { attachPageProbes, type PageProbes } from './page-probes';

export interface SoakPage extends PageProbes {
  close(): Promise<void>;
}

export async function openContainersPage(url: string): Promise<SoakPage> {
  const browser: Browser = await launchChromium();
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const probes = await attachPageProbes(page);
  await page.goto(url);
  await new ContainersPage(page).open();
  return { ...probes, close: () => browser.close() };
}
