// Page object for the Logs tab of a container's page, found by role and accessible name.
import type { Locator, Page } from 'playwright-core';

export class LogsTab {
  constructor(private readonly page: Page) {}

  /** Opens a container's page at its Logs tab through the address, as a link would. */
  async open(ref: string): Promise<void> {
    await this.page.evaluate((hash) => (window.location.hash = hash), `#/containers/${ref}?tab=logs`);
  }

  lines(): Locator {
    return this.page.getByRole('region', { name: 'Log lines' });
  }

  line(text: string): Locator {
    return this.lines().getByRole('listitem').filter({ hasText: text });
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the logs' });
  }

  matchCount(): Locator {
    return this.page.locator('.logs-match-count');
  }

  /** The line holding the current match. */
  currentMatchLine(): Locator {
    return this.lines()
      .getByRole('listitem')
      .filter({ has: this.page.locator('mark[aria-current="true"]') });
  }

  button(name: 'Previous match' | 'Next match' | 'Copy' | 'Download' | 'Pause' | 'Follow'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  toggle(name: 'Timestamps' | 'Wrap lines'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
