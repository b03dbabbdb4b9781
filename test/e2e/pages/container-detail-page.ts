// Page object for a container's page (#/containers/:id): its tabs, the stats controls and the charts, found
// by role and accessible name.
import type { Locator, Page } from 'playwright-core';

export class ContainerDetailPage {
  constructor(private readonly page: Page) {}

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  tab(name: 'Stats' | 'Info'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** A chart panel, a region named by its heading ("CPU", "Memory", …). */
  panel(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The chart image itself, e.g. "CPU usage of web-1, with its limit". */
  chart(label: string): Locator {
    return this.page.getByRole('img', { name: label, exact: true });
  }

  /** The text line under a chart that says its current value and limit. */
  summary(title: string): Locator {
    return this.panel(title).locator('.chart-summary');
  }

  timeRange(label: '1 min' | '5 min' | '15 min' | '1 h' | '6 h' | '1 day' | '7 days'): Locator {
    return this.page.getByRole('radiogroup', { name: 'Time range' }).getByRole('radio', { name: label, exact: true });
  }

  /** The line under the Stats toolbar: status, recording mode, and what the window holds ("… · no gaps"). */
  statusLine(): Locator {
    return this.page.locator('.stats-status-line');
  }

  coverage(): Locator {
    return this.page.locator('.stats-coverage');
  }

  /** A Stats toolbar button by its name ("Reset zoom", "Earlier", "Export CSV", …). */
  statsButton(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  pauseButton(): Locator {
    return this.page.getByRole('button', { name: 'Pause charts' });
  }

  /** The notice shown when the container is removed while its page is open. */
  removedNotice(name: string): Locator {
    return this.page.getByRole('status').filter({ hasText: `${name} was removed` });
  }

  /** Opens the page of a container by id or name, as a link to it would. */
  async open(ref: string): Promise<void> {
    await this.page.evaluate((hash) => (window.location.hash = hash), `#/containers/${ref}`);
  }

  /** How a stopped container ended: the region titled by its headline ("Exited with code 3 …", "Killed: …"). */
  exitPanel(): Locator {
    return this.page.getByRole('region', { name: /^(Exited|Died|Killed|Not running|Created|Could not)/ });
  }

  /** The last lines it printed, in the exit panel. */
  lastOutput(): Locator {
    return this.exitPanel().getByLabel('Last output', { exact: true });
  }

  /** A toolbar action on the page, named with the container ("Resume web-1"). */
  actionButton(label: string, name: string): Locator {
    return this.page.getByRole('button', { name: `${label} ${name}`, exact: true });
  }
}
