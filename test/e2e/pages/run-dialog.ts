// Page object for running an image: the Run / Run… buttons of an image on the Images page and the run dialog
// (its tabs, fields, limits, the docker run preview), found by role and accessible name as a person would.
import type { Locator, Page } from 'playwright-core';

export class RunDialog {
  constructor(private readonly page: Page) {}

  async openImages(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Images', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Images', level: 1 }).waitFor();
  }

  /**
   * The Run… button of an image's row, whichever of its tags the row names it by (`repo:tag` or
   * `registry/repo:tag`). Only in <main>: the transfers panel may show its own for a finished pull.
   */
  runWithOptionsButton(image: string): Locator {
    return this.page
      .getByRole('main')
      .getByRole('button', { name: new RegExp(`^Run (\\S+/)?${escapeRegExp(image)}…$`) });
  }

  /** The one-click Run button of an image's row, named like Run… without the ellipsis. */
  quickRunButton(image: string): Locator {
    return this.page
      .getByRole('main')
      .getByRole('button', { name: new RegExp(`^Run (\\S+/)?${escapeRegExp(image)}$`) });
  }

  /** Opens the run dialog from the image's "Run…" button. */
  async open(image: string): Promise<void> {
    await this.runWithOptionsButton(image).first().click();
    await this.dialog().waitFor();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Run / });
  }

  /** A tab, whatever problem count its name carries ("Ports, 1 problem"). */
  tab(name: 'General' | 'Environment' | 'Ports' | 'Storage' | 'Labels' | 'Limits'): Locator {
    return this.dialog().getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  textbox(name: string): Locator {
    return this.dialog().getByRole('textbox', { name, exact: true });
  }

  button(name: string): Locator {
    return this.dialog().getByRole('button', { name, exact: true });
  }

  async addLabel(key: string, value: string): Promise<void> {
    await this.tab('Labels').click();
    await this.button('Add label').click();
    const count = await this.dialog()
      .getByRole('group', { name: /^Label \d+$/ })
      .count();
    await this.textbox(`Name of label ${count}`).fill(key);
    await this.textbox(`Value of label ${count}`).fill(value);
  }

  /** Turns the memory limit on and types it, committing it (Tab) as the number field commits on blur. */
  async setMemoryMiB(mib: number): Promise<void> {
    await this.tab('Limits').click();
    const unlimited = this.dialog().getByRole('switch', { name: 'Unlimited memory', exact: true });
    if (await unlimited.isChecked()) await unlimited.click();
    await this.textbox('Memory limit (MiB)').fill(String(mib));
    await this.textbox('Memory limit (MiB)').press('Tab');
  }

  /** Expands "Show as docker run" (once) and gives the command's text. */
  async dockerRunText(): Promise<string> {
    const trigger = this.button('Show as docker run');
    if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
    return (await this.dialog().getByLabel('docker run command').textContent()) ?? '';
  }

  problems(): Locator {
    return this.dialog().getByRole('alert');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
