// Turns a discovered engine target into dockerode constructor options. Not for ssh:// targets: dockerode's own
// SSH checks no host key, so those go through Berth's SSH tunnel (engines/existing-provider.ts) instead.
import https from 'node:https';
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import type { EngineTarget } from './discover';
import { needsUserAction } from './retry-policy';

/** dockerode's options plus `agent`, which docker-modem honours but the typings omit. */
export type EngineClientOptions = Dockerode.DockerOptions & { agent?: https.Agent };

// docker-modem merges in defaults read from this process's DOCKER_HOST / DOCKER_CERT_PATH; every field is set
// explicitly (even to undefined) so what discovery chose is exactly what the client uses.
const cleared = {
  socketPath: undefined,
  host: undefined,
  port: undefined,
  ca: undefined,
  cert: undefined,
  key: undefined,
  protocol: undefined,
};

export function dockerOptionsFor(target: EngineTarget): EngineClientOptions {
  const { address, tls } = target;
  switch (address.kind) {
    case 'unix':
    case 'npipe':
      return { ...cleared, socketPath: address.path, protocol: 'http' };
    case 'ssh':
      // Refused rather than handed to docker-modem's `protocol: 'ssh'`, which would accept any host key.
      throw needsUserAction(
        new BerthError(
          'INTERNAL',
          `${target.endpoint.host} must be reached through Berth's SSH tunnel, which checks the host key against known_hosts; this client cannot.`,
        ),
      );
    case 'tcp': {
      if (!tls) return { ...cleared, host: address.host, port: address.port, protocol: 'http' };
      const material = { ca: tls.ca, cert: tls.cert, key: tls.key };
      return {
        ...cleared,
        host: address.host,
        port: address.port,
        protocol: 'https',
        ...material,
        // docker-modem passes no rejectUnauthorized of its own; an agent is the one way to skip verification.
        ...(tls.verify ? {} : { agent: new https.Agent({ ...material, rejectUnauthorized: false }) }),
      };
    }
  }
}
