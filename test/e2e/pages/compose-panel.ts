// Page object for compose on the Containers page: the project rows and the up and down dialogs, found by role
// and accessible name.
import type { Locator, Page } from 'playwright-core';

export class ComposePanel {
  constructor(private readonly page: Page) {}

  upButton(): Locator {
    return this.page.getByRole('button', { name: 'Up from compose file…' });
  }

  upDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Up from a compose file' });
  }

  fileField(): Locator {
    return this.upDialog().getByRole('textbox', { name: 'Compose file' });
  }

  projectField(): Locator {
    return this.upDialog().getByRole('textbox', { name: 'Project name (optional)' });
  }

  output(dialog: Locator): Locator {
    return dialog.getByRole('log');
  }

  outcome(dialog: Locator): Locator {
    return dialog.getByRole('status');
  }

  /** The header of a project's row (its name, state, usage and actions). */
  project(name: string): Locator {
    return this.page.getByRole('group', { name: `Compose project ${name}` });
  }

  projectToggle(name: string): Locator {
    return this.project(name).getByRole('button', { name, exact: true });
  }

  projectMembers(name: string): Locator {
    return this.page.getByRole('list', { name: `Containers of ${name}` });
  }

  async projectAction(name: string, action: string): Promise<void> {
    await this.project(name)
      .getByRole('button', { name: `Actions for project ${name}` })
      .click();
    await this.page.getByRole('menuitem', { name: action, exact: true }).click();
  }

  downDialog(name: string): Locator {
    return this.page
      .getByRole('alertdialog', { name: `Take ${name} down?` })
      .or(this.page.getByRole('dialog', { name: `Take ${name} down?` }));
  }
}
