// End to end: limits on several containers at once. Two rows selected with their checkboxes, "Set limits…",
// a process limit in the dialog's change-only editor, one bulk apply: each container is reported in the
// dialog, and the engine has the new limit and keeps the others.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { limitsSessionForFile, MiB } from './limits-session';
import { ContainersPage } from './pages/containers-page';

const session = limitsSessionForFile();

describe('bulk limits', () => {
  it('sets a process limit on two selected containers and reports each', async () => {
    const suffix = randomBytes(3).toString('hex');
    const first = await session.run(`e2e-bulk-a-${suffix}`, ['sleep', '3600'], 64 * MiB);
    const second = await session.run(`e2e-bulk-b-${suffix}`, ['sleep', '3600'], 64 * MiB);
    const containers = new ContainersPage(session.page);
    await containers.open();
    await containers.filter().fill(suffix);
    await containers.row(`e2e-bulk-b-${suffix}`).waitFor({ timeout: 5_000 });
    await containers.row(`e2e-bulk-a-${suffix}`).getByRole('checkbox').check();
    await containers.row(`e2e-bulk-b-${suffix}`).getByRole('checkbox').check();
    await session.page.getByRole('button', { name: 'Set limits…' }).click();

    const dialog = session.page.getByRole('dialog', { name: 'Set limits of 2 containers' });
    await dialog.getByRole('switch', { name: 'Unlimited processes' }).click();
    await dialog.getByRole('textbox', { name: 'Process limit' }).fill('300');
    await dialog.getByRole('textbox', { name: 'Process limit' }).press('Tab');
    await dialog.getByRole('button', { name: 'Apply to 2 containers' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Applied to 2 of 2 containers.' }).waitFor({ timeout: 10_000 });
    await session.page.screenshot({ path: 'test-results/container-limits-bulk.png' });
    for (const container of [first, second]) {
      const info = await container.inspect();
      expect(info.HostConfig.PidsLimit).toBe(300);
      // Only the touched limit was sent: memory kept.
      expect(info.HostConfig.Memory).toBe(64 * MiB);
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    await containers.filter().fill('');
  });
});
