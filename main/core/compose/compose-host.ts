// Which engine a compose CLI talks to: the active one, named by DOCKER_HOST in the CLI's environment so the
// user's current docker context does not decide it. A Berth-owned dockerd and the discovered engine: the
// address Berth is connected to. A VM engine: its engine socket served on this computer (the one its `berth-…`
// docker context names), which refuses bind mounts outside the VM's shared folders with a message, rather than
// Berth's own SSH connection to the guest (its key is Berth's, not the CLI's). An engine over SSH: its
// ssh:// address; the CLI logs in with the user's ssh agent and ~/.ssh/config, as `docker -H ssh://…` does.
import type { EngineView } from '../../shared/engine-manager-types';
import { BerthError } from '../../shared/errors';
import { vmLayout } from '../engines/vm/vm-layout';

export interface ComposeHost {
  dockerHost: string;
  /** A line for the output panel saying which engine this is, and anything the user should know about it. */
  note: string;
  /** The engine is the one Berth's own DOCKER_HOST names, so Berth's DOCKER_TLS_VERIFY/DOCKER_CERT_PATH are its. */
  keepTls: boolean;
}

export function composeHostFor(active: EngineView | undefined, env: NodeJS.ProcessEnv): ComposeHost {
  if (!active) throw new BerthError('ENGINE_UNREACHABLE', 'No engine is active: choose one on the Engine page.');
  const { connection } = active;
  if (connection.state !== 'connected')
    throw new BerthError(
      'ENGINE_UNREACHABLE',
      `${active.name} is not connected${connection.state === 'unreachable' ? `: ${connection.reason}` : ' yet'}. Compose runs against the active engine once it is.`,
    );
  switch (active.kind) {
    case 'vm': {
      const dockerHost = `unix://${vmLayout(active.name, env).hostSocket}`;
      return { dockerHost, note: `Engine ${active.name} (VM) at ${dockerHost}`, keepTls: false };
    }
    case 'ssh':
      return {
        dockerHost: active.host,
        note: `Engine ${active.name} at ${active.host} (the compose CLI logs in with your ssh agent and ~/.ssh/config)`,
        keepTls: false,
      };
    default: {
      const dockerHost = connection.endpoint.host;
      const keepTls = active.kind === 'existing' && connection.endpoint.source === 'DOCKER_HOST';
      return { dockerHost, note: `Engine ${active.name} at ${dockerHost}`, keepTls };
    }
  }
}

/** The CLI's environment for that engine: DOCKER_HOST set, and no DOCKER_CONTEXT to contradict it. */
export function envForHost(base: NodeJS.ProcessEnv, host: ComposeHost): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, DOCKER_HOST: host.dockerHost };
  delete env.DOCKER_CONTEXT;
  // TLS settings belong to the engine DOCKER_HOST named in Berth's own environment, not to another engine.
  if (!host.keepTls) {
    delete env.DOCKER_TLS_VERIFY;
    delete env.DOCKER_CERT_PATH;
    delete env.DOCKER_TLS;
  }
  return env;
}
