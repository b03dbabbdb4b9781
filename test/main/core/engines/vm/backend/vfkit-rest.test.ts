// vfkit's REST API over a real unix socket served by a small HTTP server playing vfkit's documented answers.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseVmState, vfkitRestOverSocket } from '../../../../../../main/core/engines/vm/backend/vfkit-rest';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function serve(handler: http.RequestListener): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'vfkit-rest-'));
  const socket = join(dir, 'rest.sock');
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  cleanups.push(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return socket;
}

describe('parseVmState', () => {
  it('reads the documented answer and refuses anything else', () => {
    const text = JSON.stringify({
      state: 'VirtualMachineStateRunning',
      canStart: false,
      canPause: true,
      canResume: false,
      canStop: true,
      canHardStop: true,
    });
    expect(parseVmState(text)).toEqual({ state: 'VirtualMachineStateRunning', canStop: true, canHardStop: true });
    expect(() => parseVmState('<html>')).toThrow(/not JSON/);
    expect(() => parseVmState('{"state": 3}')).toThrow(/without a machine state/);
    expect(() => parseVmState('null')).toThrow(/without a machine state/);
  });
});

describe('vfkitRestOverSocket', () => {
  it('GETs and POSTs /vm/state, taking 202 as success', async () => {
    const posted: string[] = [];
    const socket = await serve((req, res) => {
      if (req.method === 'GET') {
        res.end(JSON.stringify({ state: 'VirtualMachineStateStopping', canStop: false, canHardStop: true }));
        return;
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        posted.push(`${req.headers['content-type']} ${body}`);
        res.statusCode = 202;
        res.end();
      });
    });
    const rest = vfkitRestOverSocket(socket);
    expect((await rest.state()).state).toBe('VirtualMachineStateStopping');
    await rest.change('HardStop');
    expect(posted).toEqual(['application/json {"state":"HardStop"}']);
  });

  it("rejects with vfkit's own error text on a 500, and when nothing listens", async () => {
    const socket = await serve((_req, res) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: 'machine cannot be stopped' }));
    });
    await expect(vfkitRestOverSocket(socket).change('Stop')).rejects.toThrow(
      'vfkit answered POST /vm/state with HTTP 500: machine cannot be stopped',
    );
    await expect(vfkitRestOverSocket(`${socket}.missing`).state()).rejects.toThrow(/ENOENT/);
  });
});
