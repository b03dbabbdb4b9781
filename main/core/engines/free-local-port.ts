// A TCP port on 127.0.0.1 that was free a moment ago, for a listener started right after (QEMU's SSH forward,
// the test harness's registry and sshd).
import net from 'node:net';

export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no free port on 127.0.0.1')),
      );
    });
  });
}
