// Checks that the guest image (scripts/vm/) still says what guest-protocol.ts and guest-stats-protocol.ts say,
// without a VM: the init script names every disk, path, address and console marker of the contract, and
// berth-guest-stats, run against a fixture cgroup tree, prints frames of the GuestStatsFrame shape with the
// fixture's values.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as protocol from '../../../../../main/core/engines/vm/guest-protocol';
import { GUEST_STATS_COMMAND, type GuestStatsFrame } from '../../../../../main/core/guest-stats/guest-stats-protocol';

const run = promisify(execFile);
const repo = join(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const guest = join(repo, 'scripts/vm/guest');
const init = readFileSync(join(guest, 'berth-init'), 'utf8');
const configure = readFileSync(join(repo, 'scripts/vm/configure-rootfs.sh'), 'utf8');

describe('berth-init against guest-protocol', () => {
  it('uses the disks, mount point, socket and fw_cfg entry of the contract', () => {
    for (const value of [protocol.DATA_DISK_DEVICE, protocol.DATA_MOUNT, protocol.GUEST_DOCKER_SOCKET])
      expect(init).toContain(value);
    expect(init).toContain(`/sys/firmware/qemu_fw_cfg/by_name/${protocol.FW_CFG_AUTHORIZED_KEYS}/raw`);
    expect(init).toContain('modprobe -a virtio_net virtio_balloon qemu_fw_cfg');
  });

  it('configures the static network of the contract', () => {
    expect(init).toContain(`addr add ${protocol.GUEST_ADDRESS}`);
    expect(init).toContain(`route add default via ${protocol.GUEST_GATEWAY}`);
    expect(init).toContain(`nameserver ${protocol.GUEST_DNS}`);
  });

  it('prints every boot phase, the power-off phase and the host key with the markers the host parses', () => {
    for (const phase of [...protocol.bootPhases, protocol.POWEROFF_PHASE])
      expect(init).toMatch(new RegExp(`phase ${phase}\\b`));
    expect(init).toContain(`printf '${protocol.PHASE_MARKER} %s %s\\n'`);
    expect(init).toContain(`echo "${protocol.HOSTKEY_MARKER} $key_type $key_b64"`);
    // The host key line must come before sshd starts: the host pins the key from the console.
    expect(init.indexOf(protocol.HOSTKEY_MARKER)).toBeLessThan(init.indexOf('/usr/sbin/sshd'));
  });

  it('is installed where the kernel command line and the stats command expect it', () => {
    expect(protocol.kernelCommandLine()).toContain(`init=${protocol.GUEST_INIT}`);
    expect(protocol.kernelCommandLine()).toContain(`root=${protocol.OS_DISK_DEVICE}`);
    expect(configure).toContain(`"$rootfs${protocol.GUEST_INIT}"`);
    expect(configure).toContain(`"$rootfs${GUEST_STATS_COMMAND}"`);
  });
});

describe('berth-guest-stats', () => {
  const root = mkdtempSync(join(tmpdir(), 'berth-guest-stats-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function file(path: string, content: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }

  const full = 'a'.repeat(64);
  const bare = 'b'.repeat(64);
  file(
    `cg/docker/${full}/cpu.stat`,
    'usage_usec 1234567\nuser_usec 1000\nsystem_usec 234\nnr_periods 10\nnr_throttled 3\nthrottled_usec 4567\n',
  );
  file(`cg/docker/${full}/memory.current`, '1048576\n');
  file(`cg/docker/${full}/memory.max`, '268435456\n');
  file(`cg/docker/${full}/memory.stat`, 'anon 8192\nfile 4096\nactive_file 0\ninactive_file 4096\n');
  file(`cg/docker/${full}/memory.swap.current`, '0\n');
  file(`cg/docker/${full}/memory.events`, 'low 0\nhigh 0\nmax 2\noom 1\noom_kill 1\n');
  file(`cg/docker/${full}/pids.current`, '3\n');
  file(`cg/docker/${full}/pids.max`, 'max\n');
  file(
    `cg/docker/${full}/io.stat`,
    '8:0 rbytes=100 wbytes=200 rios=1 wios=2 dbytes=0 dios=0\n253:0 rbytes=5000000000 wbytes=50 rios=1 wios=2\n',
  );
  file(`cg/docker/${full}/cgroup.procs`, '42\n43\n');
  file(
    'proc/42/net/dev',
    'Inter-|   Receive |  Transmit\n face |bytes packets errs drop fifo frame compressed multicast|bytes packets\n' +
      '    lo:  999 1 0 0 0 0 0 0  999 1 0 0 0 0 0 0\n  eth0: 1500 10 0 0 0 0 0 0 2500 20 0 0 0 0 0 0\n  eth1: 5 1 0 0 0 0 0 0 7 1 0 0 0 0 0 0\n',
  );
  // A container whose cgroup has nothing readable: every value null, never a crash.
  mkdirSync(join(root, `cg/docker/${bare}`), { recursive: true });
  // A container that did no I/O yet has an empty io.stat: zero bytes, not unknown.
  const idle = 'c'.repeat(64);
  file(`cg/docker/${idle}/io.stat`, '');

  async function frames(ticks: number): Promise<GuestStatsFrame[]> {
    const { stdout } = await run('bash', [join(guest, 'berth-guest-stats'), '50'], {
      env: {
        ...process.env,
        BERTH_CGROUP_ROOT: join(root, 'cg'),
        BERTH_PROC_ROOT: join(root, 'proc'),
        BERTH_STATS_TICKS: String(ticks),
      },
      timeout: 10_000,
    });
    return stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as GuestStatsFrame);
  }

  it('prints one frame per tick with every container and the fixture values', async () => {
    const before = Date.now();
    const [first, second] = await frames(2);
    expect(second).toBeDefined();
    expect(Object.keys(first).sort()).toEqual(['c', 't']);
    expect(first.t).toBeGreaterThanOrEqual(before - 1000);
    expect(second.t).toBeGreaterThan(first.t);
    const byId = new Map(first.c.map((c) => [c.id, c]));
    expect(byId.get(full)).toEqual({
      id: full,
      cpuUsec: 1234567,
      nrThrottled: 3,
      throttledUsec: 4567,
      memBytes: 1048576,
      memMaxBytes: 268435456,
      inactiveFileBytes: 4096,
      swapBytes: 0,
      oomKills: 1,
      pids: 3,
      pidsMax: null,
      readBytes: 5000000100,
      writeBytes: 250,
      rxBytes: 1505,
      txBytes: 2507,
    });
    expect(byId.get(idle)).toMatchObject({ readBytes: 0, writeBytes: 0, cpuUsec: null });
    const empty = byId.get(bare);
    expect(empty).toBeDefined();
    for (const [key, value] of Object.entries(empty ?? {})) if (key !== 'id') expect(value, key).toBeNull();
  });

  it('prints an empty list when no container runs', async () => {
    const { stdout } = await run('bash', [join(guest, 'berth-guest-stats'), '50'], {
      env: { ...process.env, BERTH_CGROUP_ROOT: join(root, 'none'), BERTH_STATS_TICKS: '1' },
    });
    expect(JSON.parse(stdout)).toMatchObject({ c: [] });
  });
});
