// Just enough of QEMU's machine protocol (QMP) to power a VM down the way a power button does: connect to its
// unix socket, leave capabilities negotiation, send one command and wait for its answer.
import net from 'node:net';

export async function qmpCommand(socketPath: string, command: string, timeoutMs = 5_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let buffer = '';
    let negotiated = false;
    const timer = setTimeout(() => finish(new Error(`QMP did not answer ${command} within ${timeoutMs} ms`)), timeoutMs);
    function finish(error: Error | null, value?: unknown): void {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(value);
    }
    socket.setEncoding('utf8');
    socket.on('error', (error) => finish(error));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines.filter((text) => text.trim() !== '')) {
        const message = JSON.parse(line) as { QMP?: unknown; return?: unknown; error?: { desc?: string }; event?: string };
        if (message.QMP) socket.write(`${JSON.stringify({ execute: 'qmp_capabilities' })}\n`);
        else if (message.error) finish(new Error(`QMP ${negotiated ? command : 'qmp_capabilities'}: ${message.error.desc ?? 'failed'}`));
        else if ('return' in message && !negotiated) {
          negotiated = true;
          socket.write(`${JSON.stringify({ execute: command })}\n`);
        } else if ('return' in message) finish(null, message.return);
      }
    });
  });
}
