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

  /** A published TCP port's link in the container's row, named by its label (`8080→80/tcp`). */
  portLink(name: string, label: string): Locator {
    return this.row(name).getByRole('link', { name: label, exact: true });
  }

  /** A published port marked as not reachable here; its reason is in its title and read to screen readers. */
  portProblem(name: string, label: string): Locator {
    return this.row(name).locator('.port-problem').filter({ hasText: label });
  }
}
