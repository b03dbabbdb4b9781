// End to end: running an image from the Images page with the run dialog, in Chromium through `berth serve`.
// "Run…" on the harness busybox image, a name, a command, a 64 MiB memory limit and one replica; the live
// docker run preview says --memory and the name; Run lands on the new container's page, running, with live
// stats against its limit; the engine has the limit. Invalid input is refused in place, before any request.
// Three replicas land on the Replicas page, scale down and are removed; a default limit saved in Settings is
// what one-click Run gives a new container. "Create only" makes the container and lands on its page, not running.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_LABEL } from '../harness/containers';
import { harness } from '../harness/context';
import { limitsSessionForFile, MiB } from './limits-session';
import { ContainerDetailPage } from './pages/container-detail-page';
import { RunDialog } from './pages/run-dialog';
import { shots } from './screenshots';

const session = limitsSessionForFile();
const group = `e2e-group-${randomBytes(3).toString('hex')}`;
/** Containers the app made: the dialog labels its own with the test label; one-click Run's are added here. */
const quickRuns: string[] = [];

afterAll(async () => {
  const labelled = await session.docker.listContainers({ all: true, filters: { label: [TEST_LABEL] } });
  const ids = [...labelled.map((info) => info.Id), ...quickRuns];
  await Promise.all(
    ids.map((id) =>
      session.docker
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
});

describe('run dialog', () => {
  const name = `e2e-run-${randomBytes(3).toString('hex')}`;

  it('refuses a bad port and a relative mount target in place, before anything is sent', async () => {
    const run = new RunDialog(session.page);
    await run.openImages();
    await run.open(harness().busyboxImage);
    await run.tab('Ports').click();
    await run.button('Add port').click();
    await run.textbox('Container port 1').fill('70000');
    await run.problems().filter({ hasText: 'A port is a whole number from 1 to 65535.' }).waitFor();
    await run.tab('Storage').click();
    await run.button('Add mount').click();
    await run.textbox('Volume name of mount 1').fill('data');
    await run.textbox('Path in container of mount 1').fill('data');
    await run.problems().filter({ hasText: 'The path in the container must be absolute (start with /).' }).waitFor();
    expect(await run.button('Run').isDisabled()).toBe(true);
    expect(
      await run.dialog().getByRole('status').filter({ hasText: '2 problems to fix: Ports, Storage' }).count(),
    ).toBe(1);
    expect(session.sentChannels).not.toContain('containers:run');
    await run.button('Cancel').click();
    await run.dialog().waitFor({ state: 'detached' });
  });

  it('runs busybox with a name, a command and 64 MiB, and lands on its page with live stats', async () => {
    const run = new RunDialog(session.page);
    await run.open(harness().busyboxImage);
    await run.textbox('Name').fill(name);
    await run.textbox('Command').fill('sleep 3600');
    expect(await run.dialog().getByRole('textbox', { name: 'Replicas' }).inputValue()).toBe('1');
    await run.addLabel(TEST_LABEL, '1');
    await run.setMemoryMiB(64);

    const preview = await run.dockerRunText();
    expect(preview).toContain('--memory 64m');
    expect(preview).toContain(`--name ${name}`);
    expect(preview).toContain('sleep 3600');
    await session.page.screenshot({ path: 'test-results/run-dialog.png' });

    await run.button('Run').click();
    const detail = new ContainerDetailPage(session.page);
    await detail.heading(name).waitFor({ timeout: 20_000 });
    await session.page
      .getByRole('main')
      .locator('.detail-toolbar .badge', { hasText: 'running' })
      .waitFor({ timeout: 10_000 });
    // Live stats: the memory chart's summary carries the container's own limit.
    await expect.poll(() => detail.summary('Memory').textContent(), { timeout: 15_000 }).toContain('limit 64 MiB');

    const [info] = await session.docker.listContainers({ all: true, filters: { name: [`^/${name}$`] } });
    expect(info?.Labels[TEST_LABEL]).toBe('1');
    const inspect = await session.docker.getContainer(info.Id).inspect();
    expect(inspect.HostConfig.Memory).toBe(64 * MiB);
    expect(inspect.Config.Cmd).toEqual(['sleep', '3600']);
    expect(inspect.State.Running).toBe(true);
  });

  it('publishes on 127.0.0.1 unless all interfaces are chosen (with a warning), in the preview and on the engine', async () => {
    const run = new RunDialog(session.page);
    await run.openImages();
    await run.open(harness().busyboxImage);
    await run.textbox('Command').fill('sleep 3600');
    await run.addLabel(TEST_LABEL, '1');
    await run.tab('Ports').click();
    await run.button('Add port').click();
    await run.textbox('Container port 1').fill('8080');
    expect(await run.textbox('Host IP of port 1').getAttribute('placeholder')).toBe('127.0.0.1');
    expect(await run.dockerRunText()).toContain('-p 127.0.0.1::8080');
    const warning = run.dialog().getByRole('note').filter({ hasText: 'reachable from other machines on your network' });
    expect(await warning.count()).toBe(0);
    await run.dialog().getByRole('radio', { name: 'All interfaces (0.0.0.0)' }).check();
    await warning.waitFor();
    expect(await run.dockerRunText()).toContain('-p 0.0.0.0::8080');
    await run.dialog().getByRole('radio', { name: 'This computer only (127.0.0.1)' }).check();
    await warning.waitFor({ state: 'detached' });
    expect(await run.dockerRunText()).toContain('-p 127.0.0.1::8080');
    // "Publish all" reads the image's EXPOSE list (busybox has none) instead of sending -P, which binds everywhere.
    await run.dialog().getByRole('switch', { name: 'Publish all exposed ports' }).click();
    await run
      .dialog()
      .getByText('Every port the image exposes gets a free port on 127.0.0.1: this image exposes none.')
      .waitFor();
    expect(await run.dockerRunText()).not.toContain(' -P');

    await run.button('Run').click();
    await session.page.waitForURL(/#\/containers\/[0-9a-f]{12,}$/, { timeout: 20_000 });
    const id = /#\/containers\/([0-9a-f]+)$/.exec(session.page.url())![1];
    const inspect = await session.docker.getContainer(id).inspect();
    expect(inspect.HostConfig.PortBindings).toEqual({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
    expect(inspect.NetworkSettings.Ports['8080/tcp']?.map((binding) => binding.HostIp)).toEqual(['127.0.0.1']);
    // The port's link (Info tab) opens the address it is bound to.
    const port = Number(inspect.NetworkSettings.Ports['8080/tcp']![0]!.HostPort);
    await new ContainerDetailPage(session.page).tab('Info').click();
    await session.page
      .getByRole('main')
      .getByRole('link', { name: `127.0.0.1:${port}→8080/tcp` })
      .first()
      .waitFor({ timeout: 10_000 });
    expect(
      await session.page
        .getByRole('main')
        .getByRole('link', { name: `127.0.0.1:${port}→8080/tcp` })
        .first()
        .getAttribute('href'),
    ).toBe(`http://127.0.0.1:${port}/`);
  });

  it("shows the core's refusal of a name in use in the dialog, keeping what was typed", async () => {
    const run = new RunDialog(session.page);
    await run.openImages();
    await run.open(harness().busyboxImage);
    await run.textbox('Name').fill(name);
    await run.textbox('Command').fill('sleep 3600');
    await run.addLabel(TEST_LABEL, '1');
    await run.button('Run').click();
    await run.problems().filter({ hasText: 'The name is already in use' }).waitFor({ timeout: 10_000 });
    // The dialog went back to General, where the name is, and nothing typed is lost.
    expect(await run.textbox('Name').inputValue()).toBe(name);
    expect(await run.textbox('Command').inputValue()).toBe('sleep 3600');
    await session.page.screenshot({ path: 'test-results/run-dialog-conflict.png' });
    await run.button('Cancel').click();
    await run.dialog().waitFor({ state: 'detached' });
  });

  it('creates a container without starting it ("Create only") and lands on its page, which offers Start', async () => {
    const created = `e2e-created-${randomBytes(3).toString('hex')}`;
    const run = new RunDialog(session.page);
    await run.openImages();
    await run.open(harness().busyboxImage);
    await run.textbox('Name').fill(created);
    await run.textbox('Command').fill('sleep 3600');
    await run.addLabel(TEST_LABEL, '1');
    await run.tab('General').click();
    await shots(session.page, 'run-dialog-create-only');
    await run.button('Create only').click();
    const detail = new ContainerDetailPage(session.page);
    await detail.heading(created).waitFor({ timeout: 20_000 });
    const main = session.page.getByRole('main');
    await main.locator('.detail-toolbar .badge', { hasText: 'created' }).waitFor({ timeout: 10_000 });
    await main.getByRole('button', { name: `Start ${created}` }).waitFor();
    await shots(session.page, 'run-created');
    const inspect = await session.docker.getContainer(created).inspect();
    expect(inspect.State.Status).toBe('created');
    expect(inspect.State.Running).toBe(false);
    expect(inspect.Config.Cmd).toEqual(['sleep', '3600']);
  });
});

describe('replicas and the default limits', () => {
  it('runs 3 replicas, lands on the Replicas page, scales to 2 and removes the group', async () => {
    const run = new RunDialog(session.page);
    await run.openImages();
    await run.open(harness().busyboxImage);
    await run.textbox('Name').fill(group);
    // Ends on SIGTERM (a bare sleep as PID 1 ignores it): scaling down stops each replica gracefully first.
    await run.textbox('Command').fill(`sh -c 'trap "exit 0" TERM; sleep 3600 & wait'`);
    await run.dialog().getByRole('textbox', { name: 'Replicas' }).fill('3');
    await run.dialog().getByRole('textbox', { name: 'Replicas' }).press('Tab');
    await run.addLabel(TEST_LABEL, '1');
    await run.button('Run 3 replicas').click();

    await session.page.getByRole('heading', { name: 'Replicas', level: 1 }).waitFor({ timeout: 20_000 });
    const card = session.page.getByRole('region', { name: group, exact: true });
    await card.getByText('3 running / 3 total').waitFor({ timeout: 10_000 });
    for (const index of [1, 2, 3]) await card.getByRole('link', { name: `${group}-${index}`, exact: true }).waitFor();

    const count = card.getByRole('textbox', { name: `Replicas of ${group}` });
    await count.fill('2');
    await count.press('Tab');
    await card.getByRole('button', { name: 'Apply', exact: true }).click();
    await card.getByText('2 running / 2 total').waitFor({ timeout: 20_000 });
    expect(await card.getByRole('link', { name: `${group}-3`, exact: true }).count()).toBe(0);

    await card.getByRole('button', { name: 'Remove group', exact: true }).click();
    const confirm = session.page.getByRole('alertdialog', { name: `Remove ${group}?` });
    await confirm.getByRole('button', { name: 'Remove group', exact: true }).click();
    await card.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await session.docker.listContainers({ all: true, filters: { name: [`^/${group}-`] } })).toEqual([]);
  });

  it('chooses all interfaces in Settings with a plain warning, and back', async () => {
    await session.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings', exact: true })
      .click();
    const section = session.page.getByRole('region', { name: 'Published ports for new containers' });
    expect(await section.getByRole('radio', { name: 'This computer only (127.0.0.1)' }).isChecked()).toBe(true);
    await section.getByRole('radio', { name: 'All interfaces (0.0.0.0)' }).check();
    await section.getByRole('note').filter({ hasText: 'reachable from other machines on your network' }).waitFor();
    await section
      .getByRole('status')
      .filter({ hasText: 'Saved. New containers publish their ports there.' })
      .waitFor({ timeout: 10_000 });
    await section.getByRole('radio', { name: 'This computer only (127.0.0.1)' }).check();
    await section.getByRole('note').waitFor({ state: 'detached' });
  });

  it('saves a default memory limit in Settings, which one-click Run then applies', async () => {
    await session.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings', exact: true })
      .click();
    const section = session.page.getByRole('region', { name: 'Default limits for new containers' });
    await section.getByRole('switch', { name: 'Unlimited memory', exact: true }).click();
    const memory = section.getByRole('textbox', { name: 'Memory limit (MiB)', exact: true });
    await memory.fill('2');
    await memory.press('Tab');
    await section
      .getByRole('alert')
      .filter({ hasText: "The memory limit must be at least 6 MiB (the engine's minimum), or unlimited." })
      .waitFor();
    expect(await section.getByRole('button', { name: 'Save default limits' }).isDisabled()).toBe(true);
    await memory.fill('96');
    await memory.press('Tab');
    await section.getByRole('button', { name: 'Save default limits' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: 'Saved. New runs use these limits.' })
      .waitFor({ timeout: 10_000 });

    const run = new RunDialog(session.page);
    await run.openImages();
    await run.quickRunButton(harness().busyboxImage).first().click();
    await session.page.waitForURL(/#\/containers\/[0-9a-f]{12,}$/, { timeout: 20_000 });
    const id = /#\/containers\/([0-9a-f]+)$/.exec(session.page.url())![1];
    quickRuns.push(id);
    const inspect = await session.docker.getContainer(id).inspect();
    expect(inspect.HostConfig.Memory).toBe(96 * MiB);
  });
});
