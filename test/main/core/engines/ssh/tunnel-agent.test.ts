import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TunnelAgent, tunnelledClient } from '../../../../../main/core/engines/ssh/tunnel-agent';

// A stand-in for the remote engine on a local unix socket; the "channel" the agent gets is a connection to it,
// so this exercises exactly what dockerode and http do with an opened channel, without SSH.
let dir: string;
let server: http.Server;
let socket: string;
const seen: Array<{ method: string; url: string; host: string | undefined }> = [];

beforeAll(async () => {
  dir = await mkdtemp(`${tmpdir()}/berth-tunnel-agent-`);
  socket = `${dir}/engine.sock`;
  server = http.createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', host: request.headers.host });
    if (request.url?.endsWith('/_ping')) return void response.end('OK');
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify([{ Id: 'abc', Names: ['/web'] }]));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('TunnelAgent', () => {
  it('sends every dockerode request through its own opened channel, ignoring DOCKER_HOST', async () => {
    const previous = process.env.DOCKER_HOST;
    // docker-modem reads DOCKER_HOST at construction: a stray one must not redirect the tunnelled client.
    process.env.DOCKER_HOST = 'tcp://192.0.2.1:2375';
    let opened = 0;
    const agent = new TunnelAgent(async (): Promise<Duplex> => {
      opened += 1;
      return connect(socket);
    });
    try {
      const docker = tunnelledClient(agent, '/var/run/docker.sock');
      expect(String(await docker.ping())).toBe('OK');
      const containers = await docker.listContainers({ all: true });
      expect(containers[0].Id).toBe('abc');
      expect(opened).toBe(2);
      expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
        'GET /_ping',
        'GET /containers/json?all=true',
      ]);
    } finally {
      if (previous === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = previous;
      agent.destroy();
    }
  });

  it('fails the request with the error of a channel that could not be opened', async () => {
    const agent = new TunnelAgent(() => Promise.reject(new Error('The engine socket could not be opened')));
    const docker = tunnelledClient(agent, '/var/run/docker.sock');
    await expect(docker.ping()).rejects.toThrow('The engine socket could not be opened');
  });
});
