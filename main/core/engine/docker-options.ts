// Turns a discovered engine target into dockerode constructor options.
import https from 'node:https';
import type Dockerode from 'dockerode';
import type { EngineTarget } from './discover';

/** dockerode's options plus `agent`, which docker-modem honours but the typings omit. */
export type EngineClientOptions = Dockerode.DockerOptions & { agent?: https.Agent };

// docker-modem merges in defaults read from this process's DOCKER_HOST / DOCKER_CERT_PATH; every field is set
// explicitly (even to undefined) so what discovery chose is exactly what the client uses.
const cleared = { socketPath: undefined, host: undefined, port: undefined, ca: undefined, cert: undefined, key: undefined, protocol: undefined };

export function dockerOptionsFor(target: EngineTarget): EngineClientOptions {
  const { address, tls } = target;
  switch (address.kind) {
    case 'unix':
    case 'npipe':
      return { ...cleared, socketPath: address.path, protocol: 'http' };
    case 'ssh':
      return {
        ...cleared,
        protocol: 'ssh',
        host: address.host,
        port: address.port ?? 22,
        ...(address.user ? { username: address.user } : {}),
        sshOptions: target.sshAgent ? { agent: target.sshAgent } : {},
      };
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
