// Builds the command lines and config files of a Berth-owned engine's daemons from its layout. dockerd 20.10
// joins a system containerd whenever /run/containerd/containerd.sock exists, so a root engine always gets its
// own containerd, handed over with --containerd, with every path under the engine's folders.
import type { EngineLayout } from './engine-layout';

/** dockerd gives each container this long to stop on shutdown, then kills it. */
export const CONTAINER_SHUTDOWN_S = 10;

export function containerdConfig(layout: EngineLayout): string {
  return [
    'version = 2',
    `root = "${layout.containerdRoot}"`,
    `state = "${layout.containerdState}"`,
    // Kubernetes' CRI plugin would want its own folders and a CNI setup; dockerd does not use it.
    'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
    '[grpc]',
    `  address = "${layout.containerdSocket}"`,
    '[ttrpc]',
    `  address = "${layout.containerdSocket}.ttrpc"`,
    '[plugins."io.containerd.internal.v1.opt"]',
    `  path = "${layout.containerdRoot}/opt"`,
    '',
  ].join('\n');
}

export function containerdArgs(layout: EngineLayout): string[] {
  return ['--config', layout.containerdConfig];
}

/**
 * dockerd's arguments. Root: its own containerd and bridge, no iptables management (one MASQUERADE rule is
 * Berth's, host-network.ts). Rootless: dockerd-rootless.sh puts dockerd in its own network namespace, where it
 * runs its own containerd and docker0 without touching the host, so only the folders are Berth's.
 */
export function dockerdArgs(layout: EngineLayout, bridge: string | null): string[] {
  const common = [
    // An empty config file of our own, so that /etc/docker/daemon.json cannot change Berth's engine.
    '--config-file',
    layout.daemonJson,
    '--host',
    layout.host,
    '--data-root',
    layout.dataRoot,
    '--exec-root',
    layout.execRoot,
    '--pidfile',
    layout.dockerdPidfile,
    '--shutdown-timeout',
    String(CONTAINER_SHUTDOWN_S),
    // `-p 8080:80` and `-P` without an address publish on this computer only, not on every interface: a
    // container someone runs on Berth's engine is not reachable from the network unless they say so.
    '--ip',
    '127.0.0.1',
  ];
  if (layout.rootless) return common;
  return [
    ...common,
    '--containerd',
    layout.containerdSocket,
    '--containerd-namespace',
    layout.namespace,
    '--containerd-plugins-namespace',
    `${layout.namespace}-plugins`,
    ...(bridge ? ['--bridge', bridge] : ['--bridge', 'none']),
    '--iptables=false',
    '--ip-masq=false',
  ];
}
