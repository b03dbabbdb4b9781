// Page object for the Volumes page and its dialogs (create, details, remove, prune), found by role and
// accessible name as a person would.
import type { Locator, Page } from 'playwright-core';

export class VolumesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Volumes', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Volumes', level: 1 }).waitFor();
  }

  /** A volume's row, by its name (an anonymous one by its first 12 hex digits, as shown). */
  row(name: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(`\\b${name}\\b`) });
  }

  /** A cell of a volume's row (the table marks each cell with its column's id). */
  cell(name: string, column: 'usedBy' | 'size'): Locator {
    return this.row(name).locator(`.cell-${column}`);
  }

  createDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Create volume' });
  }

  detailDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Volume ${name}` });
  }

  pruneDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Prune volumes' });
  }

  alert(): Locator {
    return this.page.getByRole('main').getByRole('alert');
  }

  async openCreate(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Create volume' }).click();
    return this.createDialog();
  }

  async create(name: string, labels: Record<string, string>): Promise<void> {
    const dialog = await this.openCreate();
    await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
    let n = 0;
    for (const [key, value] of Object.entries(labels)) {
      n += 1;
      await dialog.getByRole('button', { name: 'Add label' }).click();
      await dialog.getByRole('textbox', { name: `Name of label ${n}` }).fill(key);
      await dialog.getByRole('textbox', { name: `Value of label ${n}` }).fill(value);
    }
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Ticks a row's checkbox (React Aria names it "Select"). */
  async select(name: string): Promise<void> {
    await this.row(name).getByRole('checkbox').check();
  }

  async remove(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
    await this.page
      .getByRole('alertdialog', { name: `Remove ${name}?` })
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
  }
}
