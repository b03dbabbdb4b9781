// Just enough of QEMU's machine protocol (QMP) to power a VM down the way a power button does and to change
// its user network's port forwards: connect to its unix socket, leave capabilities negotiation, send one
// command (with its arguments, if any) and wait for its answer. Whatever arrives on
// the socket is untrusted input: a line that is not a JSON object, or one that never ends, fails this one
// command with an error and never throws out of the socket's handlers (which would crash the process).
import net from 'node:net';

/** QMP messages are small; a line longer than this is not QEMU talking. */
export const QMP_MAX_LINE = 1024 * 1024;

type QmpMessage = { QMP?: unknown; return?: unknown; error?: { desc?: unknown }; event?: string };

function parseMessage(line: string): QmpMessage | Error {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return new Error(`QMP sent a line that is not JSON (${(error as Error).message}): ${line.slice(0, 80)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return new Error(`QMP sent something that is not a JSON object: ${line.slice(0, 80)}`);
  return parsed as QmpMessage;
}

export async function qmpCommand(
  socketPath: string,
  command: string,
  timeoutMs = 5_000,
  args?: Record<string, unknown>,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let buffer = '';
    let negotiated = false;
    let done = false;
    const timer = setTimeout(
      () => finish(new Error(`QMP did not answer ${command} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    function finish(error: Error | null, value?: unknown): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(value);
    }
    function handle(message: QmpMessage): void {
      if (message.QMP) socket.write(`${JSON.stringify({ execute: 'qmp_capabilities' })}\n`);
      else if (message.error)
        finish(
          new Error(
            `QMP ${negotiated ? command : 'qmp_capabilities'}: ${typeof message.error.desc === 'string' ? message.error.desc : 'failed'}`,
          ),
        );
      else if ('return' in message && !negotiated) {
        negotiated = true;
        socket.write(`${JSON.stringify(args ? { execute: command, arguments: args } : { execute: command })}\n`);
      } else if ('return' in message) finish(null, message.return);
    }
    socket.setEncoding('utf8');
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish(new Error(`QMP closed the connection before it answered ${command}`)));
    socket.on('data', (chunk: string) => {
      if (done) return;
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      if (buffer.length > QMP_MAX_LINE) {
        finish(new Error(`QMP sent a line longer than ${QMP_MAX_LINE} bytes: not QEMU's machine protocol`));
        return;
      }
      for (const line of lines) {
        if (done) return;
        if (line.trim() === '') continue;
        const message = parseMessage(line);
        if (message instanceof Error) finish(message);
        else handle(message);
      }
    });
  });
}

/**
 * A monitor command through QMP (`human-monitor-command`), for what QMP has no command of its own for
 * (`hostfwd_add`, `hostfwd_remove`). Resolves with the monitor's text: commands that fail often say so there
 * rather than as a QMP error.
 */
export async function monitorCommand(socketPath: string, commandLine: string, timeoutMs = 5_000): Promise<string> {
  const answer = await qmpCommand(socketPath, 'human-monitor-command', timeoutMs, { 'command-line': commandLine });
  return typeof answer === 'string' ? answer.trim() : '';
}
