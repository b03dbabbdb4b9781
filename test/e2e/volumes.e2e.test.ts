// End to end in Chromium against `berth serve` and the private engine: create a named volume with a label in
// the dialog and see it listed with its details; a volume a container uses shows the container in Used by,
// and Remove is refused with the containers named; an unused volume is removed, from its row and among
// selected ones (the one in use is kept and said); prune removes an unused anonymous volume and says so.
// Screenshots in light and dark.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_LABEL } from '../harness/containers';
import { harness } from '../harness/context';
import { limitsSessionForFile } from './limits-session';
import { VolumesPage } from './pages/volumes-page';
import { shots } from './screenshots';

// `berth serve` in Chromium, failing the file on a page error or a CSP violation.
const session = limitsSessionForFile();
const suffix = randomBytes(3).toString('hex');
const created = `e2e-vol-${suffix}`;
const used = `e2e-vol-used-${suffix}`;
const user = `e2e-vol-user-${suffix}`;
const spare = `e2e-vol-spare-${suffix}`;
const volumesMade: string[] = [created, used, spare];

beforeAll(async () => {
  await session.docker.createVolume({ Name: used, Labels: { [TEST_LABEL]: '1' } });
  await session.docker.createVolume({ Name: spare, Labels: { [TEST_LABEL]: '1' } });
  const container = await session.docker.createContainer({
    Image: harness().busyboxImage,
    name: user,
    Cmd: ['sh', '-c', 'echo hello > /data/greeting; sleep 3600'],
    Labels: { [TEST_LABEL]: '1' },
    HostConfig: { Binds: [`${used}:/data`] },
    StopTimeout: 1,
  });
  await container.start();
});

afterAll(async () => {
  await session.docker
    .getContainer(user)
    .remove({ force: true })
    .catch(() => undefined);
  for (const name of volumesMade)
    await session.docker
      .getVolume(name)
      .remove()
      .catch(() => undefined);
});

describe('Volumes page', () => {
  it('creates a named volume with a label in the dialog, lists it and shows its details', async () => {
    const volumes = new VolumesPage(session.page);
    await volumes.open();
    const dialog = await volumes.openCreate();
    await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill('-bad');
    await dialog.getByText('Letters, digits, _ . and -, starting with a letter or digit').waitFor();
    await dialog.getByRole('button', { name: 'Add label' }).click();
    await dialog.getByRole('textbox', { name: 'Name of label 1' }).fill(TEST_LABEL);
    await dialog.getByRole('textbox', { name: 'Value of label 1' }).fill('1');
    await shots(session.page, 'volumes-create');
    await session.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await volumes.create(created, { [TEST_LABEL]: '1', team: 'web' });
    await volumes.row(created).waitFor();
    expect(await volumes.cell(created, 'usedBy').textContent()).toBe('—');
    expect((await session.docker.getVolume(created).inspect()).Labels).toEqual({ [TEST_LABEL]: '1', team: 'web' });

    await session.page.getByRole('button', { name: `Details of ${created}` }).click();
    const detail = volumes.detailDialog(created);
    await detail.getByText('No container uses it').waitFor();
    expect(await detail.getByRole('row', { name: /team/ }).textContent()).toContain('web');
    expect(await detail.textContent()).toContain('local');
    await shots(session.page, 'volumes-detail-unused');
    await detail.getByRole('button', { name: 'Close' }).click();
  });

  it('shows the container using a volume, and its remove is refused with the container named', async () => {
    const volumes = new VolumesPage(session.page);
    await session.page.reload();
    await volumes.open();
    const usedBy = volumes.cell(used, 'usedBy');
    await usedBy.getByRole('link', { name: user }).waitFor();
    // The engine measures local volumes: the container wrote a few bytes into this one.
    await expect
      .poll(() => volumes.cell(used, 'size').textContent(), { timeout: 15_000 })
      .toMatch(/^\d+(\.\d+)? (B|KiB)$/);
    await shots(session.page, 'volumes-list');

    await session.page.getByRole('button', { name: `Details of ${used}` }).click();
    const detail = volumes.detailDialog(used);
    const member = detail.getByRole('row', { name: new RegExp(user) });
    await member.waitFor();
    expect(await member.textContent()).toContain('/data');
    await shots(session.page, 'volumes-detail');
    await detail.getByRole('button', { name: 'Close' }).click();

    await volumes.remove(used);
    const alert = volumes.alert();
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`Could not remove ${used}`);
    expect(await alert.textContent()).toContain(`It is used by ${user}`);
    await shots(session.page, 'volumes-refused');
    expect((await session.docker.getVolume(used).inspect()).Name).toBe(used);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('removes an unused volume from its row', async () => {
    const volumes = new VolumesPage(session.page);
    await volumes.row(spare).waitFor();
    await volumes.remove(spare);
    await volumes.row(spare).waitFor({ state: 'detached' });
    await expect(session.docker.getVolume(spare).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(await volumes.alert().count()).toBe(0);
  });

  it('removes the selected volumes: the unused one goes, the one in use stays with its container named', async () => {
    const unused = `e2e-vol-bulk-${suffix}`;
    volumesMade.push(unused);
    await session.docker.createVolume({ Name: unused, Labels: { [TEST_LABEL]: '1' } });
    const volumes = new VolumesPage(session.page);
    await session.page.reload();
    await volumes.open();
    await volumes.select(unused);
    await volumes.select(used);
    const bar = session.page.getByRole('toolbar', { name: 'Actions on the selected volumes' });
    expect(await bar.textContent()).toContain('2 selected');
    await bar.getByRole('button', { name: 'Remove…' }).click();
    const confirm = session.page.getByRole('alertdialog', { name: 'Remove 2 volumes?' });
    await shots(session.page, 'volumes-remove-selected');
    await confirm.getByRole('button', { name: 'Remove 2' }).click();
    const alert = volumes.alert();
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Could not remove 1 of 2 volumes');
    expect(await alert.textContent()).toContain(`It is used by ${user}`);
    expect(await alert.textContent()).toContain(`Removed: ${unused}.`);
    await volumes.row(unused).waitFor({ state: 'detached' });
    await volumes.row(used).waitFor();
    await shots(session.page, 'volumes-remove-selected-result');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('prunes an unused anonymous volume and says how many went and the space reclaimed', async () => {
    const anonymous = await session.docker.createVolume({ Labels: { [TEST_LABEL]: '1' } });
    const name = (await anonymous.inspect()).Name;
    volumesMade.push(name);
    const volumes = new VolumesPage(session.page);
    await session.page.reload();
    await volumes.open();
    await volumes.row(name.slice(0, 12)).waitFor();
    await session.page.getByRole('button', { name: 'Prune…' }).click();
    const dialog = volumes.pruneDialog();
    // The private engine is Docker 20.10 (API 1.41): its prune takes named volumes too, and the dialog says so.
    await dialog.getByText('named volumes too').waitFor();
    await shots(session.page, 'volumes-prune');
    await dialog.getByRole('button', { name: 'Prune', exact: true }).click();
    const result = dialog.getByRole('status');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/^Removed \d+ volumes?, reclaiming \d+(\.\d+)? (B|KiB|MiB|GiB)/);
    expect(await result.textContent()).toContain(`${name.slice(0, 12)}…`);
    await shots(session.page, 'volumes-pruned');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await volumes.row(name.slice(0, 12)).waitFor({ state: 'detached' });
    // Still in use, so kept.
    await volumes.row(used).waitFor();
  });
});
