// Page object for the Images page: the pull box, the transfers panel (one list item per pull or push,
// named "Pull of <reference>") and the images table, found by role and accessible name as a person would.
import type { Locator, Page } from 'playwright-core';

export class ImagesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Images', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Images', level: 1 }).waitFor();
  }

  pullField(): Locator {
    return this.page.getByRole('form', { name: 'Pull an image' }).getByRole('textbox', { name: 'Image to pull' });
  }

  pullButton(): Locator {
    return this.page.getByRole('form', { name: 'Pull an image' }).getByRole('button', { name: 'Pull', exact: true });
  }

  /** Types a reference into the pull box and presses Pull. */
  async pull(reference: string): Promise<void> {
    await this.pullField().fill(reference);
    await this.pullButton().click();
  }

  /** The message under the pull box (a malformed reference, or the core's refusal). */
  pullProblem(): Locator {
    return this.page.getByRole('form', { name: 'Pull an image' }).locator('.text-field-error');
  }

  transfers(): Locator {
    return this.page.getByRole('region', { name: 'Transfers', exact: true });
  }

  /** A transfer's item; `reference` is the normalised one (`127.0.0.1:5000/x/y:tag`). */
  transfer(reference: string, kind: 'Pull' | 'Push' = 'Pull'): Locator {
    return this.transfers().getByRole('listitem', { name: `${kind} of ${reference}`, exact: true });
  }

  /** Waits for the transfer to be finished well (its badge says Pulled or Pushed). */
  async waitForDone(reference: string, kind: 'Pull' | 'Push' = 'Pull', timeout = 60_000): Promise<void> {
    const done = kind === 'Pull' ? 'Pulled' : 'Pushed';
    await this.transfer(reference, kind)
      .locator('.transfer-badge')
      .filter({ hasText: new RegExp(`^${done}$`) })
      .waitFor({ timeout });
  }

  /** Opens the transfer's layer rows and returns them. */
  async showLayers(reference: string, kind: 'Pull' | 'Push' = 'Pull'): Promise<Locator> {
    const item = this.transfer(reference, kind);
    const trigger = item.getByRole('button', { name: /^Layers/ });
    if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
    return item.getByRole('list', { name: `Layers of ${reference}` }).getByRole('listitem');
  }

  /** Runs the pulled image from its finished transfer row (one-click Run). */
  async runFromTransfer(reference: string): Promise<void> {
    await this.transfer(reference)
      .getByRole('button', { name: `Run ${reference}`, exact: true })
      .click();
  }

  async dismissTransfer(reference: string, kind: 'Pull' | 'Push' = 'Pull'): Promise<void> {
    await this.transfer(reference, kind)
      .getByRole('button', { name: `Dismiss ${kind.toLowerCase()} of ${reference}`, exact: true })
      .click();
  }

  /** An image's row in the table, by one of its repository:tag names. */
  row(name: string): Locator {
    return this.page.getByRole('grid', { name: 'Images' }).getByRole('row', { name: new RegExp(escape(name)) });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
