// Screenshots of the page in the light and the dark scheme, `<name>-light.png` and `<name>-dark.png`, in
// $BERTH_SCREENSHOTS (or test-results/); the page is left in the light scheme.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

export async function shots(page: Page, name: string): Promise<void> {
  const folder = process.env.BERTH_SCREENSHOTS ?? 'test-results';
  mkdirSync(folder, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${folder}/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
