// Asks an engine on a unix socket whether it is ready: `GET /_ping` answering 200 `OK`, as the docker CLI does.
import { request } from 'node:http';

export function pingSocket(socketPath: string, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(res.statusCode === 200 && body === 'OK'));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy());
    // Refused or missing socket: the engine is not (yet) there, which is the answer the caller asks for.
    req.on('error', () => resolve(false));
    req.end();
  });
}
