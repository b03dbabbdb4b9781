// Page object for the engine status bar at the bottom of every page.
import type { Locator, Page } from 'playwright-core';

export class StatusBar {
  constructor(private readonly page: Page) {}

  /** The live region announcing the engine's state, e.g. "Engine: Connected Docker Engine 20.10". */
  engineStatus(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status bar' }).getByRole('status');
  }

  async waitForEngine(label: 'Connected' | 'Unreachable', timeout = 10_000): Promise<void> {
    await this.engineStatus().filter({ hasText: `Engine: ${label}` }).waitFor({ timeout });
  }
}
