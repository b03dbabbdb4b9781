// Page object for the Engine page: the engine list (one option per engine, named by the engine's name, its
// state badge and Active marker in the description), the selected engine's details region with its controls
// and log, the Add engine dialog and the diagnostics actions, found by role and name as a person would.
import type { Locator, Page } from 'playwright-core';

export type EngineStateLabel = 'Running' | 'Stopped' | 'Starting…' | 'Stopping…' | 'Connecting…' | 'Unreachable';

export class EnginePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Engine', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Engine', level: 1 }).waitFor();
  }

  list(): Locator {
    return this.page.getByRole('listbox', { name: 'Engines' });
  }

  engine(name: string): Locator {
    return this.list().getByRole('option', { name, exact: true });
  }

  async select(name: string): Promise<void> {
    await this.engine(name).click();
    await this.details(name).waitFor();
  }

  /** The selected engine's details, a region named by its heading. */
  details(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Waits until the engine's badge in the list says `state`. */
  async waitForState(name: string, state: EngineStateLabel, timeout = 30_000): Promise<void> {
    await this.engine(name)
      .locator('.engine-badge')
      .filter({ hasText: new RegExp(`^${state}$`) })
      .waitFor({ timeout });
  }

  button(name: string, label: 'Start' | 'Stop' | 'Restart' | 'Set active' | 'Remove…' | 'Reconnect now'): Locator {
    return this.details(name).getByRole('button', { name: label, exact: true });
  }

  log(name: string): Locator {
    return this.details(name).getByRole('log', { name: `Log of ${name}` });
  }

  /** Adds a Berth engine through the dialog; the dialog closes once the core answered. */
  async addOwned(name: string, timeout = 90_000): Promise<void> {
    await this.page.getByRole('button', { name: 'Add engine…' }).click();
    const dialog = this.addDialog();
    await dialog.getByRole('radio', { name: /^Berth engine/ }).check();
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Add engine', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout });
  }

  /** Adds a Linux VM (QEMU) with the dialog's default size; the dialog closes once the core answered. */
  async addVm(name: string, timeout = 300_000): Promise<void> {
    await this.page.getByRole('button', { name: 'Add engine…' }).click();
    const dialog = this.addDialog();
    await dialog.getByRole('radio', { name: 'Linux VM (QEMU)' }).check();
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Add engine', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout });
  }

  /** A VM engine's Forwarded ports panel in its details. */
  forwardedPorts(name: string): Locator {
    return this.details(name).getByRole('region', { name: 'Forwarded ports', exact: true });
  }

  /** The panel's row of a host port (`8080/tcp`), by its row header. */
  forwardedPort(name: string, hostPort: number, protocol = 'tcp'): Locator {
    return this.forwardedPorts(name).getByRole('row', { name: new RegExp(`^${hostPort}/${protocol}\\b`) });
  }

  /** Fills the dialog for a remote engine over SSH and presses Add engine; the dialog stays open for its answer. */
  async addRemote(name: string, address: string, keyFile: string, socketPath: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add engine…' }).click();
    const dialog = this.addDialog();
    await dialog.getByRole('radio', { name: 'Remote engine over SSH' }).check();
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Address' }).fill(address);
    await dialog.getByRole('textbox', { name: 'Key file (optional)' }).fill(keyFile);
    await dialog.getByRole('textbox', { name: 'Remote socket (optional)' }).fill(socketPath);
    await dialog.getByRole('button', { name: 'Add engine', exact: true }).click();
    return dialog;
  }

  addDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add an engine' });
  }

  /** Removes an engine through its Remove… button, deleting its data when it is a Berth engine. */
  async remove(name: string, deleteData: boolean): Promise<void> {
    await this.select(name);
    await this.button(name, 'Remove…').click();
    const dialog = this.page.getByRole('alertdialog', { name: `Remove ${name}?` });
    if (deleteData) await dialog.getByRole('checkbox', { name: /delete its data/ }).check();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
  }

  /** Opens Show diagnostics and returns its text; closes the dialog again. */
  async diagnosticsText(): Promise<string> {
    await this.page.getByRole('button', { name: 'Show diagnostics' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Diagnostics' });
    const text = await dialog.getByRole('textbox', { name: 'Diagnostics text' }).inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    return text;
  }

  copyDiagnosticsButton(): Locator {
    return this.page.getByRole('button', { name: 'Copy diagnostics' });
  }

  /** Says "Diagnostics copied" after Copy diagnostics put the text on the clipboard. */
  copiedStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Diagnostics copied' });
  }
}
