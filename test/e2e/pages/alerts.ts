// Page objects for stats alerts: Settings → Alerts (its switches and numbers by label) and the stack of
// alert notices in the window's corner, found by role and accessible name.
import type { Locator, Page } from 'playwright-core';

export class AlertsSettings {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings', exact: true })
      .click();
    await this.section().waitFor();
  }

  section(): Locator {
    return this.page.getByRole('region', { name: 'Alerts', exact: true });
  }

  /** A number by the start of its label ("Memory above", "For at least" is in both rules: pass the rule). */
  number(rule: 'Memory near its limit' | 'CPU throttled', label: string): Locator {
    return this.section()
      .getByRole('group', { name: new RegExp(`^${rule}`) })
      .getByRole('textbox', { name: new RegExp(`^${label}`) });
  }

  problems(): Locator {
    return this.section().getByRole('alert');
  }

  save(): Locator {
    return this.section().getByRole('button', { name: 'Save alerts' });
  }

  saved(): Locator {
    return this.section().getByRole('status').filter({ hasText: 'Saved.' });
  }
}

export class AlertNotices {
  constructor(private readonly page: Page) {}

  stack(): Locator {
    return this.page.getByRole('status', { name: 'Stats alerts' });
  }

  /** One notice, named by its kind and container ("Memory near its limit: web"). */
  notice(name: string): Locator {
    return this.stack().getByRole('article', { name: new RegExp(`: ${name}$`) });
  }
}
