// `port_ready_s` of `npm run bench:vm`: how soon a container's published port answers on this computer after
// `docker start` returns, with Berth's forward driven as in the app (the engine's event stream through an
// EngineConnection, vm-ports.ts resyncing on each container event), against `guest_ready_s`, the same server
// answering inside the VM (a plain OpenSSH `ssh -L` to the guest's own published port, opened before the start,
// so no forward has to be made). Containers alternate between the two probes, one container each, so neither
// probe loads the VM while the other is timed. The server starts at once (busybox httpd, nothing written first).
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import type Dockerode from 'dockerode';
import { EngineConnection } from '../main/core/connection/engine-connection';
import { freeLocalPort } from '../main/core/engines/free-local-port';
import type { VmProvider } from '../main/core/engines/vm/vm-provider';
import type { Logger } from '../main/core/logger';
import { median } from './table';
import { IMAGE, openSshTunnel, timeGet } from './vm-ports';

const PROBE_EVERY_MS = 20;
const DEADLINE_MS = 60_000;

export interface PortReady {
  /** Seconds from `docker start` returning to 127.0.0.1:<port> answering through Berth's forward, per container. */
  hostS: number[];
  /** Seconds from `docker start` returning to the same server answering inside the VM, per container. */
  guestS: number[];
  /** Seconds from `docker start` returning to its start event reaching Berth (negative: the event came first). */
  eventS: number[];
  /** How long `docker start` itself took, over the VM's SSH connection. */
  startCallS: number[];
}

/** Runs `rounds` host-probed and `rounds` guest-probed containers; the VM's image must hold IMAGE. */
export async function measurePortReady(vm: VmProvider, log: Logger, rounds: number): Promise<PortReady> {
  const connection = new EngineConnection({
    discover: () => vm.discover(),
    log,
    createClient: () => vm.createClient(),
    startHint: vm.startHint,
  });
  const unwatch = vm.watchEngine(connection);
  const result: PortReady = { hostS: [], guestS: [], eventS: [], startCallS: [] };
  try {
    const status = await connection.reconnect();
    if (status.state !== 'connected') throw new Error(`[bench] no engine connection: ${JSON.stringify(status)}`);
    const engine = connection.client();
    for (let round = 0; round < rounds; round += 1) {
      // Alternate which probe goes first, so a slow first container of a round favours neither.
      const order = round % 2 === 0 ? (['host', 'guest'] as const) : (['guest', 'host'] as const);
      for (const side of order) {
        const timed = await timeOne(vm, engine, connection, side);
        (side === 'host' ? result.hostS : result.guestS).push(timed.readyS);
        result.startCallS.push(timed.startCallS);
        if (timed.eventS !== null) result.eventS.push(timed.eventS);
      }
    }
    return result;
  } finally {
    unwatch();
    await connection.stop();
  }
}

async function timeOne(
  vm: VmProvider,
  engine: Dockerode,
  connection: EngineConnection,
  side: 'host' | 'guest',
): Promise<{ readyS: number; startCallS: number; eventS: number | null }> {
  const port = await freeLocalPort();
  const container = await engine.createContainer({
    Image: IMAGE,
    name: `bench-ready-${side}-${port}`,
    Cmd: ['sh', '-c', 'mkdir /www && echo ok > /www/small && exec httpd -f -p 80 -h /www'],
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: String(port) }] } },
  });
  let tunnel: ChildProcess | null = null;
  let probePort = port;
  let eventAt: number | null = null;
  const stopListening = connection.onEngineEvent((event) => {
    if (event.Type === 'container' && event.Action === 'start' && event.Actor.ID === container.id)
      eventAt = performance.now();
  });
  try {
    if (side === 'guest') {
      probePort = await freeLocalPort();
      // The guest's docker-proxy listens on all its addresses, its loopback included: ssh's sshd connects there.
      tunnel = openSshTunnel(vm, probePort, port, 'ignore');
      await waitForListener(probePort);
    }
    const asked = performance.now();
    await container.start();
    const started = performance.now();
    const answered = await firstAnswer(probePort);
    return {
      readyS: (answered - started) / 1000,
      startCallS: (started - asked) / 1000,
      eventS: eventAt === null ? null : (eventAt - started) / 1000,
    };
  } finally {
    stopListening();
    tunnel?.kill();
    await container.remove({ force: true });
  }
}

/** performance.now() when a GET on 127.0.0.1:port first succeeded, probing every PROBE_EVERY_MS. */
async function firstAnswer(port: number): Promise<number> {
  const end = performance.now() + DEADLINE_MS;
  for (;;) {
    try {
      await timeGet(port, '/small');
      return performance.now();
    } catch (error) {
      if (performance.now() > end)
        throw new Error(`[bench] 127.0.0.1:${port} did not answer within ${DEADLINE_MS} ms: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  }
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port (ssh -L after it logged in). */
async function waitForListener(port: number): Promise<void> {
  const end = Date.now() + DEADLINE_MS;
  for (;;) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (accepted) return;
    if (Date.now() > end) throw new Error(`[bench] ssh -L did not listen on 127.0.0.1:${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function readySummary(ready: PortReady): { portS: number; guestS: number; eventS: number } {
  return { portS: median(ready.hostS), guestS: median(ready.guestS), eventS: median(ready.eventS) };
}
