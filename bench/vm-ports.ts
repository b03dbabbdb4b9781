// The port part of `npm run bench:vm`: a busybox httpd in the VM serves a small file and a 100 MiB one on two
// published ports (one on all guest addresses, which Berth forwards through QEMU's user network; one on the
// guest's loopback, which Berth forwards over its SSH connection), and a plain OpenSSH `ssh -L` tunnel to the
// VM (how Lima forwards ports) reaches the same server. Paths are measured in alternation, same run, same VM.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import type Dockerode from 'dockerode';
import { freeLocalPort } from '../main/core/engines/free-local-port';
import type { VmProvider } from '../main/core/engines/vm/vm-provider';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { median } from './table';

export const IMAGE = 'berth-bench/busybox:latest';
const BIG_MIB = 100;

export interface PathResult {
  path: string;
  rttMs: number;
  mibPerS: number;
}

export async function measurePorts(vm: VmProvider, rounds: number, downloads: number): Promise<PathResult[]> {
  const engine = vm.createClient();
  await buildBusyboxImage(engine, IMAGE);
  const [wide, local, tunnel] = [await freeLocalPort(), await freeLocalPort(), await freeLocalPort()];
  const container = await serveFiles(engine, wide, local);
  const ssh = openSshTunnel(vm, tunnel, wide);
  try {
    await vm.portsSettled();
    const paths = [
      { path: 'Berth, QEMU user network (hostfwd)', port: wide },
      { path: 'Berth, SSH direct-tcpip (ssh2, one connection)', port: local },
      { path: 'OpenSSH ssh -L (as Lima)', port: tunnel },
    ];
    for (const { port } of paths) await waitForHttp(port);
    const rtts = paths.map(() => [] as number[]);
    const rates = paths.map(() => [] as number[]);
    for (let round = 0; round < rounds; round += 1)
      for (const [i, { port }] of paths.entries()) rtts[i]!.push(await timeGet(port, '/small'));
    for (let round = 0; round < downloads; round += 1)
      for (const [i, { port }] of paths.entries())
        rates[i]!.push(BIG_MIB / ((await timeGet(port, '/big', BIG_MIB * 1024 * 1024)) / 1000));
    return paths.map(({ path }, i) => ({ path, rttMs: median(rtts[i]!), mibPerS: median(rates[i]!) }));
  } finally {
    ssh.kill();
    await container.remove({ force: true });
  }
}

async function serveFiles(engine: Dockerode, wide: number, local: number): Promise<Dockerode.Container> {
  const container = await engine.createContainer({
    Image: IMAGE,
    Cmd: [
      'sh',
      '-c',
      `mkdir /www && echo ok > /www/small && dd if=/dev/zero of=/www/big bs=1M count=${BIG_MIB} 2>/dev/null && exec httpd -f -p 80 -h /www`,
    ],
    ExposedPorts: { '80/tcp': {} },
    HostConfig: {
      PortBindings: {
        '80/tcp': [
          { HostIp: '0.0.0.0', HostPort: String(wide) },
          { HostIp: '127.0.0.1', HostPort: String(local) },
        ],
      },
    },
  });
  // How soon a port answers after the start is vm-port-ready.ts's (this server writes 100 MiB before it listens).
  await container.start();
  return container;
}

/** `ssh -N -L` with the VM's own key and pinned host key, to the guest's published port on its loopback. */
export function openSshTunnel(
  vm: VmProvider,
  localPort: number,
  guestPort: number,
  stderr: 'inherit' | 'ignore' = 'inherit',
): ChildProcess {
  const sshPort = /:(\d+)$/.exec(vm.host)?.[1];
  if (!sshPort) throw new Error(`[bench] the VM is not running (${vm.host})`);
  const args = [
    '-N',
    '-o',
    'BatchMode=yes',
    '-o',
    `UserKnownHostsFile=${vm.layout.knownHosts}`,
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'ExitOnForwardFailure=yes',
    '-i',
    vm.layout.privateKey,
    '-p',
    sshPort,
    '-L',
    `127.0.0.1:${localPort}:127.0.0.1:${guestPort}`,
    'root@127.0.0.1',
  ];
  const child = spawn('ssh', args, { stdio: ['ignore', 'ignore', stderr] });
  child.on('exit', (code) => {
    if (code) console.error(`[bench] ssh -L exited with ${code}`);
  });
  return child;
}

async function waitForHttp(port: number, deadlineMs = 60_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    try {
      await timeGet(port, '/small');
      return;
    } catch (error) {
      if (Date.now() > end) throw new Error(`[bench] nothing answers HTTP on 127.0.0.1:${port}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Milliseconds from connecting to the last byte of a GET on a fresh connection (busybox httpd closes each). */
export function timeGet(port: number, path: string, expectBytes?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`HTTP ${response.statusCode}`));
        else if (expectBytes !== undefined && bytes !== expectBytes)
          reject(new Error(`got ${bytes} bytes, expected ${expectBytes}`));
        else resolve(performance.now() - started);
      });
      response.on('error', reject);
    });
    request.on('socket', (socket: net.Socket) => socket.setNoDelay(true));
    request.on('error', reject);
  });
}
