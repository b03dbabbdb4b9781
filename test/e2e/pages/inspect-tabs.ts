// Page object for a container's Inspect and Isolation tabs: their sections, the env table's masked values,
// the JSON search, the process table and the filesystem changes, found by role and accessible name.
import type { Locator, Page } from 'playwright-core';

export class InspectTabs {
  constructor(private readonly page: Page) {}

  tab(name: 'Inspect' | 'Isolation'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The env table's row of one variable. */
  envRow(key: string): Locator {
    return this.section('Environment').getByRole('row', { name: new RegExp(`^${key}\\b`) });
  }

  reveal(key: string): Locator {
    return this.envRow(key).getByRole('button', { name: `Show ${key}`, exact: true });
  }

  jsonSearch(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the JSON' });
  }

  jsonButton(name: 'Next' | 'Previous' | 'Copy JSON'): Locator {
    return this.section('Inspect JSON').getByRole('button', { name, exact: true });
  }

  jsonCount(): Locator {
    return this.section('Inspect JSON').locator('.json-count');
  }

  jsonText(): Locator {
    return this.page.getByLabel('The engine’s inspect JSON', { exact: true });
  }

  processes(name: string): Locator {
    return this.page.getByRole('table', { name: `Processes of ${name}` });
  }

  addedPaths(): Locator {
    return this.page.getByRole('list', { name: 'Added paths' });
  }
}
