// Where a Berth-owned engine keeps its files and how its daemons are started: every path under Berth's data
// or runtime folder, short sockets, its own containerd, namespace and bridge, no iptables management.
import { describe, expect, it } from 'vitest';
import { containerdConfig, dockerdArgs } from '../../../../../main/core/engines/dockerd/daemon-args';
import { berthDataDir, engineLayout } from '../../../../../main/core/engines/dockerd/engine-layout';

function argAfter(args: string[], flag: string): string | undefined {
  return args[args.indexOf(flag) + 1];
}

describe('engineLayout', () => {
  it('puts data under BERTH_DATA_DIR and runtime files under BERTH_RUNTIME_DIR, per engine', () => {
    const layout = engineLayout('dev', { BERTH_DATA_DIR: '/d', BERTH_RUNTIME_DIR: '/r' }, false);
    expect(layout).toMatchObject({
      engineDir: '/d/engines/dev',
      dataRoot: '/d/engines/dev/data',
      containerdRoot: '/d/engines/dev/containerd',
      runtimeDir: '/r/dev',
      socketPath: '/r/dev/docker.sock',
      host: 'unix:///r/dev/docker.sock',
      execRoot: '/r/dev/exec',
      namespace: 'berth-dev',
    });
    expect(layout.bridgeName.length).toBeLessThanOrEqual(15);
  });

  it('falls back to XDG_DATA_HOME, then ~/.local/share, and to /run/berth for root', () => {
    expect(berthDataDir({ XDG_DATA_HOME: '/x' })).toBe('/x/berth');
    expect(berthDataDir({ HOME: '/home/me' })).toBe('/home/me/.local/share/berth');
    expect(engineLayout('berth', { HOME: '/root' }, false).socketPath).toBe('/run/berth/berth/docker.sock');
  });

  it('keeps a rootless engine under XDG_RUNTIME_DIR, and says what to do without one', () => {
    expect(engineLayout('dev', { HOME: '/home/me', XDG_RUNTIME_DIR: '/run/user/1000' }, true).socketPath).toBe(
      '/run/user/1000/berth/dev/docker.sock',
    );
    expect(() => engineLayout('dev', { HOME: '/home/me' }, true)).toThrow(/XDG_RUNTIME_DIR/);
  });

  it('refuses a runtime folder too long for a unix socket', () => {
    expect(() => engineLayout('dev', { BERTH_RUNTIME_DIR: `/tmp/${'x'.repeat(100)}` }, false)).toThrow(
      /BERTH_RUNTIME_DIR/,
    );
  });

  it('gives different engines different bridges', () => {
    expect(engineLayout('a', { BERTH_RUNTIME_DIR: '/r' }, false).bridgeName).not.toBe(
      engineLayout('b', { BERTH_RUNTIME_DIR: '/r' }, false).bridgeName,
    );
  });
});

describe('dockerdArgs', () => {
  const layout = engineLayout('dev', { BERTH_DATA_DIR: '/d', BERTH_RUNTIME_DIR: '/r' }, false);

  it('runs a root engine on its own containerd, namespace and bridge, without iptables management', () => {
    const args = dockerdArgs(layout, 'berth12345678');
    expect(argAfter(args, '--host')).toBe('unix:///r/dev/docker.sock');
    expect(argAfter(args, '--data-root')).toBe('/d/engines/dev/data');
    expect(argAfter(args, '--exec-root')).toBe('/r/dev/exec');
    expect(argAfter(args, '--pidfile')).toBe('/r/dev/dockerd.pid');
    expect(argAfter(args, '--containerd')).toBe('/r/dev/ctd.sock');
    expect(argAfter(args, '--containerd-namespace')).toBe('berth-dev');
    expect(argAfter(args, '--containerd-plugins-namespace')).toBe('berth-dev-plugins');
    expect(argAfter(args, '--bridge')).toBe('berth12345678');
    expect(argAfter(args, '--config-file')).toBe('/d/engines/dev/daemon.json');
    expect(argAfter(args, '--shutdown-timeout')).toBe('10');
    expect(args).toContain('--iptables=false');
    expect(args).toContain('--ip-masq=false');
  });

  it('publishes ports without an address on loopback only (--ip 127.0.0.1), root and rootless', () => {
    expect(argAfter(dockerdArgs(layout, 'berth12345678'), '--ip')).toBe('127.0.0.1');
    expect(argAfter(dockerdArgs(layout, null), '--ip')).toBe('127.0.0.1');
    const rootless = engineLayout('dev', { BERTH_DATA_DIR: '/d', XDG_RUNTIME_DIR: '/run/user/1000' }, true);
    expect(argAfter(dockerdArgs(rootless, null), '--ip')).toBe('127.0.0.1');
  });

  it('leaves containerd and networking to dockerd-rootless.sh in rootless mode', () => {
    const rootless = engineLayout('dev', { BERTH_DATA_DIR: '/d', XDG_RUNTIME_DIR: '/run/user/1000' }, true);
    const args = dockerdArgs(rootless, null);
    expect(argAfter(args, '--host')).toBe('unix:///run/user/1000/berth/dev/docker.sock');
    expect(args).not.toContain('--containerd');
    expect(args).not.toContain('--bridge');
  });
});

describe('containerdConfig', () => {
  it("keeps root, state and sockets in the engine's folders", () => {
    const layout = engineLayout('dev', { BERTH_DATA_DIR: '/d', BERTH_RUNTIME_DIR: '/r' }, false);
    const toml = containerdConfig(layout);
    expect(toml).toContain('root = "/d/engines/dev/containerd"');
    expect(toml).toContain('state = "/r/dev/ctd"');
    expect(toml).toContain('address = "/r/dev/ctd.sock"');
    expect(toml).toContain('path = "/d/engines/dev/containerd/opt"');
    expect(toml).not.toMatch(/\/run\/containerd|\/var\/lib\/containerd/);
  });
});
