// The floor a VM boot is measured against: the same kernel booted under the same QEMU settings with a tiny
// initramfs whose init powers off at once (busybox-static), timed from QEMU's start to its exit.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Builds `<dir>/poweroff.cpio` (newc): /init is a busybox script that powers the machine off. */
export function buildPoweroffInitrd(dir: string): string {
  const root = join(dir, 'poweroff-root');
  mkdirSync(join(root, 'bin'), { recursive: true });
  copyFileSync('/bin/busybox', join(root, 'bin', 'busybox'));
  writeFileSync(join(root, 'init'), '#!/bin/busybox sh\n/bin/busybox poweroff -f\n');
  chmodSync(join(root, 'init'), 0o755);
  const archive = join(dir, 'poweroff.cpio');
  execFileSync('sh', ['-c', `cd '${root}' && find . | cpio -o -H newc --quiet > '${archive}'`]);
  return archive;
}

/** Seconds from QEMU's start to its exit. */
export function kernelOnlyBoot(
  kernel: string,
  initrd: string,
  accel: string,
  cpus: number,
  memoryMiB: number,
): Promise<number> {
  const started = performance.now();
  const args = [
    '-accel',
    accel,
    ...(accel === 'tcg' ? ['-cpu', 'max'] : []),
    '-smp',
    String(cpus),
    '-m',
    String(memoryMiB),
    '-nodefaults',
    '-no-user-config',
    '-nographic',
    '-no-reboot',
    '-serial',
    'null',
    '-kernel',
    kernel,
    '-initrd',
    initrd,
    '-append',
    'console=ttyS0 quiet cryptomgr.notests=1 panic=-1',
  ];
  return new Promise((resolve, reject) => {
    const qemu = spawn('qemu-system-x86_64', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    qemu.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    qemu.on('error', reject);
    qemu.on('exit', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`[bench] kernel-only QEMU exited ${code}: ${errors}`)),
    );
  });
}
