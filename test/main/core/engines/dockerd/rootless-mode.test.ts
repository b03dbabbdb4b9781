// Whether Berth's own engine can run rootless for a user, and what the Engine page says about its limits.
import { describe, expect, it } from 'vitest';
import {
  DELEGATE_DROP_IN,
  hasSubordinateRange,
  rootlessMode,
  ROOTLESS_TOOLS,
  type RootlessFacts,
} from '../../../../../main/core/engines/dockerd/rootless-mode';

const allTools = ROOTLESS_TOOLS.map((tool) => tool.command);

function facts(overrides: Partial<RootlessFacts> = {}, installed: string[] = allTools): RootlessFacts {
  return {
    uid: 1000,
    user: 'ada',
    which: (command) => (installed.includes(command) ? `/usr/bin/${command}` : null),
    subuid: 'root:1:2\nada:100000:65536\n',
    subgid: 'ada:100000:65536\n',
    userNamespaces: true,
    tunUsable: true,
    cgroup: { version: 2, delegated: ['cpuset', 'cpu', 'io', 'memory', 'pids'] },
    ...overrides,
  };
}

describe('rootlessMode', () => {
  it('works with limits where cgroup v2 delegates cpu, memory and pids', () => {
    expect(rootlessMode(facts())).toEqual({
      usable: true,
      limits: true,
      note: expect.stringMatching(
        /^The engine runs as ada .* cgroup v2 delegates cpu, memory and pids to ada, so container limits work\.$/,
      ),
    });
  });

  it('names the missing tools and the packages that bring them, once each', () => {
    const verdict = rootlessMode(facts({}, ['dockerd-rootless.sh', 'rootlesskit']));
    expect(verdict).toEqual({
      usable: false,
      reason:
        "Berth's engine runs rootless for a normal user, which needs slirp4netns, newuidmap, newgidmap: sudo apt install slirp4netns uidmap",
    });
  });

  it('asks for a subordinate id range, naming the file without one and the command', () => {
    const verdict = rootlessMode(facts({ subgid: 'bob:100000:65536\n' }));
    expect(verdict).toEqual({
      usable: false,
      reason:
        "A rootless engine maps container users to ada's subordinate ids, and /etc/subgid gives ada no range of 65536: sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 ada",
    });
    expect(rootlessMode(facts({ subuid: null, subgid: null }))).toMatchObject({
      reason: expect.stringContaining('/etc/subuid and /etc/subgid give ada no range'),
    });
  });

  it('says when user namespaces are off, and when /dev/net/tun does not open', () => {
    expect(rootlessMode(facts({ userNamespaces: false }))).toMatchObject({
      usable: false,
      reason: expect.stringContaining('sudo sysctl -w user.max_user_namespaces=15000'),
    });
    expect(rootlessMode(facts({ tunUsable: false }))).toMatchObject({
      usable: false,
      reason: expect.stringContaining('sudo chmod 0666 /dev/net/tun'),
    });
  });

  it('runs without limits on cgroup v1, and says so', () => {
    expect(rootlessMode(facts({ cgroup: { version: 1 } }))).toEqual({
      usable: true,
      limits: false,
      note: expect.stringContaining('cgroup v1, where rootless containers get no CPU/memory limits'),
    });
  });

  it('names the controllers cgroup v2 does not delegate, with the systemd drop-in', () => {
    const verdict = rootlessMode(facts({ cgroup: { version: 2, delegated: ['memory', 'pids'] } }));
    expect(verdict).toMatchObject({ usable: true, limits: false });
    expect(verdict.usable && verdict.note).toContain(`cgroup v2 does not delegate cpu to ada`);
    expect(verdict.usable && verdict.note).toContain(DELEGATE_DROP_IN);
    expect(DELEGATE_DROP_IN).toContain('Delegate=cpu cpuset io memory pids');
  });
});

describe('hasSubordinateRange', () => {
  it('matches the user by name or uid, with at least 65536 ids', () => {
    expect(hasSubordinateRange('ada:100000:65536', 'ada', 1000)).toBe(true);
    expect(hasSubordinateRange('1000:100000:70000\n', 'ada', 1000)).toBe(true);
    expect(hasSubordinateRange('ada:100000:1000', 'ada', 1000)).toBe(false);
    expect(hasSubordinateRange('adam:100000:65536', 'ada', 1000)).toBe(false);
    expect(hasSubordinateRange('ada::65536', 'ada', 1000)).toBe(false);
    expect(hasSubordinateRange(null, 'ada', 1000)).toBe(false);
  });
});
