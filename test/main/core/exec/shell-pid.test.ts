import { describe, expect, it } from 'vitest';
import { hangUpCommand, shellCommand, ShellPidScanner } from '../../../../main/core/exec/shell-pid';

const marker = '\x1b]697;berth-pid=42\x07\r\n';

function scan(chunks: string[]): { shown: string; pid: number | null } {
  const scanner = new ShellPidScanner();
  const shown = chunks.map((chunk) => scanner.take(chunk)).join('') + scanner.flush();
  return { shown, pid: scanner.pid };
}

describe('ShellPidScanner', () => {
  it('takes the marker off the start of the output and keeps the pid', () => {
    expect(scan([`${marker}/ # `])).toEqual({ shown: '/ # ', pid: 42 });
  });

  it('finds a marker split over chunks, one character at a time', () => {
    expect(scan([...`${marker}/ # ls`])).toEqual({ shown: '/ # ls', pid: 42 });
  });

  it('finds the marker after keystrokes the TTY echoed before the shell started', () => {
    expect(scan(['sleep 1\r\n', marker, '/ # '])).toEqual({ shown: 'sleep 1\r\n/ # ', pid: 42 });
  });

  it('passes output without a marker through whole, and other escape sequences untouched', () => {
    expect(scan(['\x1b]0;title\x07hello', ' world'])).toEqual({ shown: '\x1b]0;title\x07hello world', pid: null });
    expect(scan(['\x1b]697;something else entirely that goes on and on past any marker length\x07'])).toMatchObject({
      pid: null,
    });
  });

  it('stops looking after the first few KiB', () => {
    const scanner = new ShellPidScanner();
    scanner.take('x'.repeat(9000));
    expect(scanner.take(marker)).toBe(marker);
    expect(scanner.pid).toBeNull();
  });
});

describe('the wrapper commands', () => {
  it('passes the shell as $0 instead of splicing it into the script, and hangs up by pid', () => {
    expect(shellCommand('/bin/sh')).toEqual(['/bin/sh', '-c', expect.stringContaining('exec "$0"'), '/bin/sh']);
    expect(hangUpCommand('/bin/sh', 42)[2]).toMatch(/^kill -HUP 42 .*kill -KILL 42/);
  });
});
