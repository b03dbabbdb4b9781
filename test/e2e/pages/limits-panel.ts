// Page object for the Limits panel on a container's Stats tab and the bulk "Set limits…" dialog, found by
// role and accessible name as a person would.
import type { Locator, Page } from 'playwright-core';

export class LimitsPanel {
  constructor(private readonly page: Page) {}

  region(): Locator {
    return this.page.getByRole('region', { name: 'Limits', exact: true });
  }

  /** The warning that the active engine does not enforce limits (a rootless engine on cgroup v1), in any editor. */
  ignoredNotice(scope: Locator = this.region()): Locator {
    return scope.getByRole('note', { name: /^Engine .+ does not enforce limits$/ });
  }

  memoryField(unit: 'MiB' | 'GiB' = 'MiB'): Locator {
    return this.region().getByRole('textbox', { name: `Memory limit (${unit})`, exact: true });
  }

  memorySlider(): Locator {
    return this.region().getByRole('slider', { name: 'Memory limit', exact: true });
  }

  unlimitedSwitch(what: 'CPU' | 'memory' | 'processes'): Locator {
    return this.region().getByRole('switch', { name: `Unlimited ${what}`, exact: true });
  }

  button(name: 'Apply limits' | 'Undo last change' | 'Reset' | 'Suggest limits' | 'Apply suggestion'): Locator {
    return this.region().getByRole('button', { name, exact: true });
  }

  /** Types a memory limit and commits it (Tab), as the number field commits on blur. */
  async typeMemory(mib: number): Promise<void> {
    await this.memoryField().fill(String(mib));
    await this.memoryField().press('Tab');
  }

  /** The success note after Apply or Undo ("Applied. The engine now enforces: …"). */
  success(): Locator {
    return this.region().locator('.limits-success');
  }

  /** Inline problems beside the fields, and error alerts. */
  alerts(): Locator {
    return this.region().getByRole('alert');
  }

  statusNotes(): Locator {
    return this.region().getByRole('status');
  }

  /** The "Lower memory below current usage?" question. */
  confirmation(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Lower memory below current usage?' });
  }
}
