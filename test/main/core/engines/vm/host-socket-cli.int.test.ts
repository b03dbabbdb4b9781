// The real docker CLI through the VM engine's host socket proxy (host-socket.ts), with the harness engine
// standing behind it for the guest's (the proxy does not care what answers the channel; the VM's own channel is
// an SSH streamlocal with the same half-close): `docker run` without -i gets its output, piped stdin reaches the
// container, and a bind mount outside the shared folders is refused with the message naming the setting before
// the engine creates anything.
import { execFile } from 'node:child_process';
import net from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRefusal } from '../../../../../main/core/engines/vm/create-bind-check';
import { HostSocket } from '../../../../../main/core/engines/vm/host-socket';
import { harness } from '../../../../harness/context';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
let shared: string;
let proxy: HostSocket;
let proxyPath: string;

/** The docker CLI against the proxy only (-H, and a config folder of its own: no context of this machine). */
function docker(args: string[], stdin?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      'docker',
      ['-H', `unix://${proxyPath}`, ...args],
      { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, DOCKER_CONFIG: join(dir, 'docker-config') } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-cli-proxy-'));
  shared = join(dir, 'shared');
  await writeFile(join(dir, 'placeholder'), '');
  await import('node:fs/promises').then((fs) => fs.mkdir(shared));
  await writeFile(join(shared, 'note.txt'), 'from the host');
  proxyPath = join(dir, 'docker.sock');
  proxy = await HostSocket.listen({
    path: proxyPath,
    openChannel: async () => net.connect({ path: harness().socketPath, allowHalfOpen: true }),
    note: (line) => console.log(line),
    judgeCreate: (body) => createRefusal(body, { engineName: 'test-vm', folders: [shared] }),
  });
});

afterAll(async () => {
  await proxy?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the docker CLI through the host socket', () => {
  it('prints a container’s output with `docker run` without -i (the CLI half-closes its side)', async () => {
    const result = await docker(['run', '--rm', harness().busyboxImage, 'echo', 'hi']);
    expect(result).toMatchObject({ code: 0, stdout: 'hi\n' });
  });

  it('passes piped stdin through the hijacked attach stream', async () => {
    const result = await docker(['run', '--rm', '-i', harness().busyboxImage, 'cat'], 'piped in\n');
    expect(result).toMatchObject({ code: 0, stdout: 'piped in\n' });
  });

  it('lets a bind mount inside the shared folders through', async () => {
    const result = await docker(['run', '--rm', '-v', `${shared}:/x:ro`, harness().busyboxImage, 'cat', '/x/note.txt']);
    expect(result).toMatchObject({ code: 0, stdout: 'from the host' });
  });

  it('refuses -v and --mount outside the shared folders, naming the setting, and creates nothing', async () => {
    const name = `berth-refused-${process.pid}`;
    const dashV = await docker(['run', '--rm', '--name', name, '-v', `${dir}:/x`, harness().busyboxImage, 'true']);
    expect(dashV.code).toBe(125);
    expect(dashV.stderr).toContain(`The bind mount ${dir} is outside the folders the VM engine "test-vm" shares`);
    expect(dashV.stderr).toContain(`Shared folders setting: ${shared}`);
    const mount = await docker([
      'run',
      '--rm',
      '--name',
      name,
      '--mount',
      'type=bind,src=/etc,dst=/x',
      harness().busyboxImage,
      'true',
    ]);
    expect(mount.code).toBe(125);
    expect(mount.stderr).toContain('The bind mount /etc is outside');
    const inspect = await docker(['container', 'inspect', name]);
    expect(inspect.code).not.toBe(0);
    expect(inspect.stderr).toMatch(/No such container/i);
  });
});
