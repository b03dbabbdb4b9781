// Page object for the Containers page: finds things by role and accessible name, as a person would.
import type { Locator, Page } from 'playwright-core';

export class ContainersPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Containers', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Containers', level: 1 }).waitFor();
  }

  row(name: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(`\\b${name}\\b`) });
  }

  /** The link on the container's name, which opens its page. */
  nameLink(name: string): Locator {
    return this.row(name).getByRole('link', { name, exact: true });
  }

  filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter containers' });
  }
}
