// The shared folder's cost, measured in a container on a booted VM engine (bench/vm.ts): reading a 256 MiB
// file and creating, stat-ing (one `ls -l`) and deleting 5,000 small files, on a bind mount of a shared folder
// (virtio-9p) and on a volume of the VM's own data disk, in the same container one after the other. The guest's
// page cache is dropped before each read (the container is privileged for that); the host's is warm for both,
// since the data disk's image is cached there as well (cache=writeback). Times come from the guest's
// /proc/uptime (10 ms steps), so a container's start does not count.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Dockerode from 'dockerode';

const IMAGE = 'berth-bench/busybox:latest';
const BIG_MIB = 256;
const SMALL_FILES = 5000;

export interface ShareTimes {
  readShareS: number;
  readDiskS: number;
  metaShareS: number;
  metaDiskS: number;
}

/** A FROM-scratch busybox image imported into the VM's engine (no registry is reachable from the guest). */
async function importBusybox(docker: Dockerode, base: string): Promise<void> {
  const root = join(base, 'bench-rootfs');
  mkdirSync(join(root, 'bin'), { recursive: true });
  execFileSync('cp', ['/bin/busybox', join(root, 'bin/busybox')]);
  const tar = join(base, 'bench-rootfs.tar');
  execFileSync('tar', ['-C', root, '-cf', tar, '.']);
  const [repo, tag] = IMAGE.split(':');
  const stream = await docker.importImage(tar, { repo, tag });
  await new Promise((resolve, reject) =>
    docker.modem.followProgress(stream, (error) => (error ? reject(error) : resolve(undefined))),
  );
}

// The applets' links are made inside (made on the host, they would point at the host's path of busybox).
const SCRIPT = `
set -e
/bin/busybox --install -s /bin
now() { cut -d' ' -f1 /proc/uptime; }
dd if=/dev/zero of=/disk/big bs=1M count=${BIG_MIB} 2>/dev/null; sync
for where in share disk; do
  sync; echo 3 > /proc/sys/vm/drop_caches
  t0=$(now); cat /$where/big > /dev/null; t1=$(now)
  echo "read $where $t0 $t1"
  mkdir /$where/meta; t0=$(now); i=0
  while [ $i -lt ${SMALL_FILES} ]; do echo x > /$where/meta/$i; i=$((i+1)); done
  ls -l /$where/meta > /dev/null; rm -r /$where/meta; t1=$(now)
  echo "meta $where $t0 $t1"
done
rm /disk/big
`;

/** Runs the script with `shared` (a folder the VM shares) bind-mounted at /share and a volume at /disk. */
export async function measureShares(docker: Dockerode, base: string, shared: string): Promise<ShareTimes> {
  await importBusybox(docker, base);
  // Written on the host, as files in a shared folder usually are.
  const chunk = Buffer.alloc(1024 * 1024, 7);
  writeFileSync(join(shared, 'big'), Buffer.concat(Array.from({ length: BIG_MIB }, () => chunk)));
  const container = await docker.createContainer({
    Image: IMAGE,
    Cmd: ['/bin/busybox', 'sh', '-c', SCRIPT],
    Env: ['PATH=/bin'],
    HostConfig: { Privileged: true, Binds: [`${shared}:/share`, 'berth-bench-disk:/disk'] },
  });
  try {
    await container.start();
    const exit = (await container.wait()) as { StatusCode: number };
    const output = (await container.logs({ stdout: true, stderr: true })).toString('utf8');
    if (exit.StatusCode !== 0) throw new Error(`[bench] the share script failed (${exit.StatusCode}):\n${output}`);
    const seconds = (kind: string, where: string): number => {
      const match = new RegExp(`${kind} ${where} ([\\d.]+) ([\\d.]+)`).exec(output);
      if (!match) throw new Error(`[bench] no ${kind} ${where} line in:\n${output}`);
      return Number(match[2]) - Number(match[1]);
    };
    return {
      readShareS: seconds('read', 'share'),
      readDiskS: seconds('read', 'disk'),
      metaShareS: seconds('meta', 'share'),
      metaDiskS: seconds('meta', 'disk'),
    };
  } finally {
    await container.remove({ force: true, v: true });
  }
}
