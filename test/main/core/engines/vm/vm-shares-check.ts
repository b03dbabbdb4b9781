// The VM engine's shared folders end to end, run inside vm-engine.int.test.ts's booted VM (a boot under TCG
// costs a minute): a file written on the host is read in a container through a bind mount of the shared
// folder, the container writes back, and the host sees its file with the host user as owner; a bind mount
// outside the shared folders is refused by Berth's run path before the engine is asked.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { expect } from 'vitest';
import type { Channel, RequestOf, ResponseOf } from '../../../../../main/shared/contract';
import { emptyRunSpec } from '../../../../../main/shared/run-spec';
import { harness } from '../../../../harness/context';

type Call = <C extends Channel>(channel: C, payload: RequestOf<C>) => Promise<ResponseOf<C>>;

export async function checkSharedFolder(call: Call, vmDocker: Dockerode, shared: string): Promise<void> {
  const folder = join(shared, 'src');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'from-host.txt'), 'written on the host\n');

  const [run] = await call('containers:run', {
    spec: {
      ...emptyRunSpec(harness().busyboxImage),
      command: [
        'sh',
        '-c',
        'cat /src/from-host.txt > /src/copied.txt && echo "written in a container" > /src/from-container.txt',
      ],
      mounts: [{ type: 'bind', source: folder, target: '/src', readOnly: false }],
    },
  });
  const exit = (await vmDocker.getContainer(run!.id).wait()) as { StatusCode: number };
  const logs = await vmDocker.getContainer(run!.id).logs({ stdout: true, stderr: true });
  expect(exit.StatusCode, logs.toString()).toBe(0);

  expect(await readFile(join(folder, 'copied.txt'), 'utf8')).toBe('written on the host\n');
  expect(await readFile(join(folder, 'from-container.txt'), 'utf8')).toBe('written in a container\n');
  // QEMU runs as the user running Berth (root here) with security_model=none: the files are that user's.
  const owner = await stat(join(folder, 'from-container.txt'));
  expect({ uid: owner.uid, gid: owner.gid }).toEqual({ uid: process.getuid!(), gid: process.getgid!() });

  const outside = call('containers:run', {
    spec: {
      ...emptyRunSpec(harness().busyboxImage),
      mounts: [{ type: 'bind', source: '/opt', target: '/opt', readOnly: true }],
    },
  });
  await expect(outside).rejects.toMatchObject({ code: 'CONFLICT' });
  await expect(outside).rejects.toThrow(/\/opt is outside the folders the VM engine .* Shared folders setting: /);
  await vmDocker.getContainer(run!.id).remove({ force: true });
}
