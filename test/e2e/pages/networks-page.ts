// Page object for the Networks page and its dialogs (create, inspect with connect/disconnect, remove).
import type { Locator, Page } from 'playwright-core';

export class NetworksPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Networks', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Networks', level: 1 }).waitFor();
  }

  row(name: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(`\\b${name}\\b`) });
  }

  createDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Create network' });
  }

  inspectDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Network ${name}` });
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  async create(name: string, subnet: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Create network' }).click();
    const dialog = this.createDialog();
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Subnet (optional)' }).fill(subnet);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async remove(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${name}` }).click();
    await this.page
      .getByRole('alertdialog', { name: `Remove ${name}?` })
      .getByRole('button', { name: 'Remove' })
      .click();
  }
}
