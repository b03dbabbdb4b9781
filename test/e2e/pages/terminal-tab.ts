// Page object for the Terminal tab of a container's page: its controls by role and name, and the text the
// terminal shows (xterm.js's rows, as a person reads them).
import type { Locator, Page } from 'playwright-core';

export class TerminalTab {
  constructor(private readonly page: Page) {}

  tab(name: 'Terminal' | 'Stats'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  region(containerName: string): Locator {
    return this.page.getByRole('region', { name: `Terminal in ${containerName}` });
  }

  /** xterm.js's hidden textarea that receives the keystrokes. */
  input(): Locator {
    return this.page.getByRole('textbox', { name: 'Terminal input' });
  }

  shell(): Locator {
    return this.page.getByRole('button', { name: /Shell/ });
  }

  user(): Locator {
    return this.page.getByRole('textbox', { name: 'User' });
  }

  ended(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Session ended' });
  }

  restartButton(): Locator {
    return this.page.getByRole('button', { name: 'Restart session' });
  }

  /** The toolbar's button that replaces the running session with a new one. */
  newSessionButton(): Locator {
    return this.page.getByRole('button', { name: 'New session' });
  }

  /** What the terminal shows, rows joined by newlines, non-breaking spaces as spaces. */
  async text(): Promise<string> {
    const rows = await this.page.locator('.xterm-rows > div').allTextContents();
    return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
  }

  async waitForText(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = await this.text();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`[e2e] the terminal never showed ${pattern}; it shows:\n${text}`);
      await this.page.waitForTimeout(50);
    }
  }

  async type(text: string): Promise<void> {
    await this.input().focus();
    await this.page.keyboard.type(text);
  }
}
