// Page object for the command palette and the Keyboard shortcuts dialog, found by role and name.
import type { Locator, Page } from 'playwright-core';

export class CommandPalette {
  constructor(private readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Command palette' });
  }

  search(): Locator {
    return this.dialog().getByRole('textbox', { name: 'Search commands' });
  }

  item(name: string | RegExp): Locator {
    return this.dialog().getByRole('menuitem', { name });
  }

  async openWithKeys(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.search().waitFor();
  }

  help(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }
}
