// Page object for the engine status bar at the bottom of every page.
import type { Locator, Page } from 'playwright-core';

export class StatusBar {
  constructor(private readonly page: Page) {}

  /** The live region announcing the engine's state, e.g. "Engine discovered: Connected Docker Engine 20.10". */
  engineStatus(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status bar' }).getByRole('status');
  }

  /** The active engine's part of the bar, a link to the Engine page. */
  engineLink(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status bar' }).getByRole('link', { name: /^Engine/ });
  }

  /** Waits for the state; `name` also checks which engine is active (the name shows once the list loaded). */
  async waitForEngine(label: 'Connected' | 'Unreachable', timeout = 10_000, name?: string): Promise<void> {
    const engine = name === undefined ? '( [a-z0-9-]+)?' : ` ${name}`;
    await this.engineStatus()
      .filter({ hasText: new RegExp(`Engine${engine}: ${label}`) })
      .waitFor({ timeout });
  }
}
