// End to end: lowering memory below what a container uses (40 MiB of tmpfs) asks first ("Lower memory below
// current usage?"); Cancel sends nothing; confirmed, the engine's refusal is shown as it came. A fresh
// container also shows the core's "not enough data" message for suggestions.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { limitsSessionForFile, MiB } from './limits-session';

const session = limitsSessionForFile();

describe('memory below current use', () => {
  it('asks before lowering memory below what the container uses; Cancel sends nothing', async () => {
    const name = `e2e-limits-full-${randomBytes(3).toString('hex')}`;
    // 40 MiB in tmpfs count as the container's memory and cannot be reclaimed without swap.
    const container = await session.run(
      name,
      ['sh', '-c', 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=40 && sleep 3600'],
      256 * MiB,
    );
    const { limits } = await session.openStats(name, '256');
    // A fresh container: too few stats samples for a suggestion, and the core's message says so.
    await limits.button('Suggest limits').click();
    await expect
      .poll(() => limits.statusNotes().filter({ hasText: 'needs at least' }).count(), { timeout: 5_000 })
      .toBe(1);
    await expect.poll(() => limits.region().textContent(), { timeout: 10_000 }).toMatch(/Using 4\d(\.\d+)? MiB now/);

    await limits.typeMemory(20);
    await limits.button('Apply limits').click();
    const question = limits.confirmation();
    await question.waitFor({ timeout: 10_000 });
    expect(await question.textContent()).toContain('is below the current usage');
    await session.page.screenshot({ path: 'test-results/container-limits-confirm.png' });
    await question.getByRole('button', { name: 'Cancel' }).click();
    await limits.statusNotes().filter({ hasText: 'Not applied' }).waitFor();
    expect(await session.memoryOf(container)).toBe(256 * MiB);

    // Confirmed, the kernel cannot fit 40 MiB of tmpfs into 20 MiB: the engine's refusal is shown as it came.
    await limits.button('Apply limits').click();
    await limits.confirmation().getByRole('button', { name: 'Confirm' }).click();
    const refusal = limits.alerts().filter({ hasText: 'refused' });
    await refusal.waitFor({ timeout: 10_000 });
    await session.page.screenshot({ path: 'test-results/container-limits-refused.png' });
    expect(await session.memoryOf(container)).toBe(256 * MiB);
  });
});
