// Decides whether Berth's own engine can run rootless for this user (dockerd-rootless.sh under rootlesskit, with
// slirp4netns for its network and newuidmap/newgidmap for its user namespace), and what it can and cannot do
// there: without cgroup v2 delegation of cpu/memory/pids the engine runs but its containers get no limits.
// Pure over the facts it is given (rootless-facts.ts reads them), so every branch is unit-tested.

/** The programs rootless mode runs, and the Debian package of each. */
export const ROOTLESS_TOOLS: ReadonlyArray<{ command: string; pkg: string }> = [
  { command: 'dockerd-rootless.sh', pkg: 'docker.io' },
  { command: 'rootlesskit', pkg: 'rootlesskit' },
  { command: 'slirp4netns', pkg: 'slirp4netns' },
  { command: 'newuidmap', pkg: 'uidmap' },
  { command: 'newgidmap', pkg: 'uidmap' },
];

/** Controllers a rootless engine needs delegated to the user for `--cpus`, `--memory` and `--pids-limit`. */
export const LIMIT_CONTROLLERS = ['cpu', 'memory', 'pids'];

/** A subordinate id range as short as this cannot map the ids images use (Debian's useradd gives 65536). */
export const MIN_SUBID_COUNT = 65536;

export const DELEGATE_DROP_IN =
  'sudo mkdir -p /etc/systemd/system/user@.service.d && printf "[Service]\\nDelegate=cpu cpuset io memory pids\\n" | sudo tee /etc/systemd/system/user@.service.d/delegate.conf && sudo systemctl daemon-reload (then log in again)';

export interface RootlessFacts {
  uid: number;
  user: string;
  /** The full path of an executable of that name where Berth looks, or null. */
  which(command: string): string | null;
  /** /etc/subuid and /etc/subgid, null where unreadable or absent. */
  subuid: string | null;
  subgid: string | null;
  /** /proc/sys/user/max_user_namespaces > 0. */
  userNamespaces: boolean;
  /** Whether this user can open /dev/net/tun, where slirp4netns gets the engine's network. */
  tunUsable: boolean;
  cgroup: { version: 1 } | { version: 2; delegated: string[] };
}

export type RootlessVerdict = { usable: true; limits: boolean; note: string } | { usable: false; reason: string };

/** Whether a subuid/subgid file gives this user (by name or uid) a range of at least MIN_SUBID_COUNT ids. */
export function hasSubordinateRange(file: string | null, user: string, uid: number): boolean {
  if (file === null) return false;
  return file.split('\n').some((line) => {
    const [owner, start, count] = line.trim().split(':');
    return (
      (owner === user || owner === String(uid)) &&
      Number.isInteger(Number(start)) &&
      start !== '' &&
      Number(count) >= MIN_SUBID_COUNT
    );
  });
}

export function rootlessMode(facts: RootlessFacts): RootlessVerdict {
  const missing = ROOTLESS_TOOLS.filter((tool) => facts.which(tool.command) === null);
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((tool) => tool.pkg))];
    return {
      usable: false,
      reason: `Berth's engine runs rootless for a normal user, which needs ${missing.map((tool) => tool.command).join(', ')}: sudo apt install ${packages.join(' ')}`,
    };
  }
  if (!facts.userNamespaces)
    return {
      usable: false,
      reason:
        'Berth runs its engine rootless in a user namespace, and user namespaces are off here: sudo sysctl -w user.max_user_namespaces=15000',
    };
  const ranges = [
    ['/etc/subuid', facts.subuid],
    ['/etc/subgid', facts.subgid],
  ].filter(([, file]) => !hasSubordinateRange(file, facts.user, facts.uid));
  if (ranges.length > 0)
    return {
      usable: false,
      reason: `A rootless engine maps container users to ${facts.user}'s subordinate ids, and ${ranges.map(([path]) => path).join(' and ')} ${ranges.length > 1 ? 'give' : 'gives'} ${facts.user} no range of ${MIN_SUBID_COUNT}: sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 ${facts.user}`,
    };
  if (!facts.tunUsable)
    return {
      usable: false,
      reason: `${facts.user} cannot open /dev/net/tun, which slirp4netns needs for the rootless engine's network: sudo chmod 0666 /dev/net/tun (the mode Debian's udev gives it)`,
    };
  const user = `The engine runs as ${facts.user} in a user namespace (rootlesskit, slirp4netns), so a container's root is not root on this computer.`;
  if (facts.cgroup.version === 1)
    return {
      usable: true,
      limits: false,
      note: `${user} This machine uses cgroup v1, where rootless containers get no CPU/memory limits (--cpus, --memory and --pids-limit are ignored); cgroup v2 with delegation would enable them.`,
    };
  const delegated = facts.cgroup.delegated;
  const absent = LIMIT_CONTROLLERS.filter((controller) => !delegated.includes(controller));
  if (absent.length > 0)
    return {
      usable: true,
      limits: false,
      note: `${user} cgroup v2 does not delegate ${absent.join(', ')} to ${facts.user}, so limits on them do not work for its containers: ${DELEGATE_DROP_IN}.`,
    };
  return {
    usable: true,
    limits: true,
    note: `${user} cgroup v2 delegates cpu, memory and pids to ${facts.user}, so container limits work.`,
  };
}
