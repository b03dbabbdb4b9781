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

  /** A row's action button, named with the container ("Stop web-1", "Remove web-1"). */
  rowButton(name: string, label: string): Locator {
    return this.row(name).getByRole('button', { name: `${label} ${name}`, exact: true });
  }

  /** Opens a row's "More actions" menu and picks an item (Restart, Pause, Rename…). */
  async rowMenuAction(name: string, item: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `More actions for ${name}`, exact: true })
      .click();
    await this.page
      .getByRole('menu', { name: `Actions for ${name}` })
      .getByRole('menuitem', { name: item, exact: true })
      .click();
  }

  /** Ticks a row's checkbox, as a person selecting it for a bulk action. */
  async select(name: string): Promise<void> {
    await this.row(name).getByRole('checkbox').check();
  }

  bulkBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Actions on the selected containers' });
  }

  bulkButton(label: string): Locator {
    return this.bulkBar().getByRole('button', { name: label, exact: true });
  }

  /** A question asked before a destructive action, found by its title ("Remove 3 containers?"). */
  confirmDialog(title: string | RegExp): Locator {
    return this.page.getByRole('alertdialog', { name: title });
  }

  /** The dialog with a bulk action's results, titled "Removed 2 of 3 containers". */
  bulkResults(): Locator {
    return this.page.getByRole('dialog', { name: /^\w+ \d+ of \d+ containers?$/ });
  }

  /** One container's line in the bulk results. */
  bulkResult(name: string): Locator {
    return this.bulkResults()
      .getByRole('list', { name: 'Results by container' })
      .getByRole('listitem')
      .filter({ hasText: name });
  }
}
