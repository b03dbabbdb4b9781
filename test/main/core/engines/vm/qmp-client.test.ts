// The QMP client against a real unix socket server that speaks garbage: bad lines fail the command with an
// error instead of throwing out of the socket's handler (which crashed the process), and a good peer still works.
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monitorCommand, QMP_MAX_LINE, qmpCommand } from '../../../../../main/core/engines/vm/qmp-client';

let dir: string;
let server: net.Server | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-qmp-'));
});

afterEach(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = null;
  await rm(dir, { recursive: true, force: true });
});

/** A QMP peer: `onConnect` writes what it wants; `onLine` answers each line the client sends. */
async function peer(
  onConnect: (socket: net.Socket) => void,
  onLine: (socket: net.Socket, line: string) => void = () => undefined,
): Promise<string> {
  const path = join(dir, 'qmp.sock');
  server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) onLine(socket, line);
    });
    onConnect(socket);
  });
  await new Promise<void>((resolve) => server!.listen(path, resolve));
  return path;
}

const greeting = '{"QMP": {"version": {}, "capabilities": []}}\n';

describe('qmpCommand', () => {
  it('negotiates and returns the answer of a well-behaved peer, in lines split across writes', async () => {
    const path = await peer(
      (socket) => {
        socket.write(greeting.slice(0, 10));
        setTimeout(() => socket.write(greeting.slice(10)), 20);
      },
      (socket, line) => {
        const { execute } = JSON.parse(line) as { execute: string };
        if (execute === 'qmp_capabilities') socket.write('{"return": {}}\n');
        else socket.write('{"timestamp": {}, "event": "POWERDOWN"}\n{"return": {"ok": 1}}\n');
      },
    );
    await expect(qmpCommand(path, 'system_powerdown')).resolves.toEqual({ ok: 1 });
  });

  it.each([
    ['a line that is not JSON', 'this is not json\n', /not JSON/],
    ['JSON that is not an object', 'null\n', /not a JSON object/],
    ['an array', '[1,2]\n', /not a JSON object/],
    ['a truncated object', '{"QMP": \n', /not JSON/],
  ])('fails the command, without crashing, on %s', async (_name, garbage, expected) => {
    const path = await peer((socket) => socket.write(garbage));
    await expect(qmpCommand(path, 'system_powerdown', 2_000)).rejects.toThrow(expected);
  });

  it('fails on garbage after negotiation too', async () => {
    const path = await peer(
      (socket) => socket.write(greeting),
      (socket) => socket.write('{"return": {}}\n\u0000\u0001garbage\n'),
    );
    await expect(qmpCommand(path, 'system_powerdown', 2_000)).rejects.toThrow(/not JSON/);
  });

  it('refuses a line that never ends before it grows past the cap', async () => {
    const path = await peer((socket) => {
      const block = 'x'.repeat(64 * 1024);
      for (let sent = 0; sent <= QMP_MAX_LINE + block.length; sent += block.length) socket.write(block);
    });
    await expect(qmpCommand(path, 'system_powerdown', 5_000)).rejects.toThrow(/longer than/);
  });

  it('says so when the peer closes before answering, and times out on a silent one', async () => {
    const closing = await peer((socket) => socket.end('{"QMP": {}}'));
    await expect(qmpCommand(closing, 'system_powerdown', 2_000)).rejects.toThrow(/closed the connection/);
    await new Promise((resolve) => server!.close(resolve));
    server = null;
    const silent = await peer(() => undefined);
    await expect(qmpCommand(silent, 'system_powerdown', 200)).rejects.toThrow(
      /did not answer system_powerdown within 200 ms/,
    );
  });

  it('sends a monitor command line as the arguments of human-monitor-command and returns its text', async () => {
    const sent: unknown[] = [];
    const path = await peer(
      (socket) => socket.write(greeting),
      (socket, line) => {
        const message = JSON.parse(line) as { execute: string };
        sent.push(message);
        if (message.execute === 'qmp_capabilities') socket.write('{"return": {}}\n');
        else socket.write('{"return": "Could not set up host forwarding rule\\r\\n"}\n');
      },
    );
    await expect(monitorCommand(path, 'hostfwd_add net0 tcp:127.0.0.1:1-:1')).resolves.toBe(
      'Could not set up host forwarding rule',
    );
    expect(sent[1]).toEqual({
      execute: 'human-monitor-command',
      arguments: { 'command-line': 'hostfwd_add net0 tcp:127.0.0.1:1-:1' },
    });
  });
});
