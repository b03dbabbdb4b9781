// Shared set-up of the transfer integration tests: a connection to the harness engine, a TransferManager and
// a RegistriesService whose DOCKER_CONFIG is a fresh temp dir (never ~/.docker), and registry helpers.
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { discoverEngine } from '../../../../main/core/connection/discover';
import { EngineConnection } from '../../../../main/core/connection/engine-connection';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import { RegistriesService } from '../../../../main/core/registries/registries-service';
import { TransferManager } from '../../../../main/core/transfers/transfer-manager';
import { harness } from '../../../harness/context';

// The registries' integration tests clean up with it too.
export { removeImages } from '../../../harness/images';
import { HubRecorder } from '../hub-recorder';

export interface TransferFixture {
  docker: Dockerode;
  connection: EngineConnection;
  hub: EventHub;
  recorder: HubRecorder;
  registries: RegistriesService;
  transfers: TransferManager;
  configDir: string;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function transferFixture(): Promise<TransferFixture> {
  const configDir = await mkdtemp(join(tmpdir(), 'berth-docker-config-'));
  const env: NodeJS.ProcessEnv = {
    DOCKER_HOST: harness().dockerHost,
    DOCKER_CONFIG: configDir,
    PATH: process.env.PATH,
    HOME: configDir,
  };
  const hub = new EventHub();
  const recorder = new HubRecorder(hub);
  const connection = new EngineConnection({ discover: () => discoverEngine({ env }), log: silentLogger });
  const status = await connection.reconnect();
  if (status.state !== 'connected') throw new Error(`[test] no engine: ${JSON.stringify(status)}`);
  const registries = new RegistriesService({ connection, env, log: silentLogger });
  const transfers = new TransferManager({ connection, hub, registries, log: silentLogger });
  const docker = new Dockerode({ socketPath: harness().socketPath });
  return {
    docker,
    connection,
    hub,
    recorder,
    registries,
    transfers,
    configDir,
    env,
    close: async () => {
      transfers.dispose();
      recorder.dispose();
      await connection.stop();
      await rm(configDir, { recursive: true, force: true });
    },
  };
}

export interface ManifestLayer {
  digest: string;
  size: number;
}

/** The registry's manifest (schema 2) for repo:tag, or the HTTP status when there is none. */
export function fetchManifest(
  registry: string,
  repository: string,
  tag: string,
  auth?: string,
): Promise<{ status: number; layers: ManifestLayer[] }> {
  const [host, port] = registry.split(':');
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: 'application/vnd.docker.distribution.manifest.v2+json' };
    if (auth) headers.Authorization = `Basic ${Buffer.from(auth).toString('base64')}`;
    const req = request({ host, port: Number(port), path: `/v2/${repository}/manifests/${tag}`, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) resolve({ status: res.statusCode ?? 0, layers: [] });
        else resolve({ status: 200, layers: (JSON.parse(body) as { layers: ManifestLayer[] }).layers });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
