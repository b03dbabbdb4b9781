// Parses `berth serve [--port N] [--host 127.0.0.1|::1] [--renderer DIR]`. Only loopback hosts exist here
// on purpose: the bridge gives root-equivalent engine access.
import { resolve } from 'node:path';

export const serveUsage = `Usage: berth serve [--port N] [--host 127.0.0.1|::1] [--renderer DIR]

  --port N        TCP port on loopback (0 = any free port; default 0)
  --host ADDR     loopback address to bind: 127.0.0.1 (default) or ::1
  --renderer DIR  folder of the built renderer (default: the one shipped beside this file)

Prints http://127.0.0.1:<port>/?token=<token> on a line of its own; open it in a browser.`;

export type ServeArgs =
  | { ok: true; help: boolean; port: number; host: '127.0.0.1' | '::1'; rendererDir: string | null }
  | { ok: false; message: string };

export function parseServeArgs(argv: string[]): ServeArgs {
  const args = [...argv];
  if (args[0] === 'serve') args.shift();
  else if (args[0] !== undefined && !args[0].startsWith('-')) {
    return { ok: false, message: `Unknown command "${args[0]}": the only command is "serve".` };
  }
  const result = {
    ok: true as const,
    help: false,
    port: 0,
    host: '127.0.0.1' as '127.0.0.1' | '::1',
    rendererDir: null as string | null,
  };
  while (args.length > 0) {
    const flag = args.shift()!;
    const [name, inlineValue] = flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    if (name === '--help' || name === '-h') {
      result.help = true;
      continue;
    }
    const value = inlineValue ?? args.shift();
    if (value === undefined) return { ok: false, message: `${name} needs a value.` };
    if (name === '--port') {
      const port = Number(value);
      if (!/^\d+$/.test(value) || port > 65535)
        return { ok: false, message: `--port must be 0-65535, not "${value}".` };
      result.port = port;
    } else if (name === '--host') {
      if (value !== '127.0.0.1' && value !== '::1') {
        return { ok: false, message: `--host must be a loopback address (127.0.0.1 or ::1), not "${value}".` };
      }
      result.host = value;
    } else if (name === '--renderer') {
      // Taken from the directory berth was started in, whatever the process does with its cwd later.
      result.rendererDir = resolve(value);
    } else {
      return { ok: false, message: `Unknown option "${name}".` };
    }
  }
  return result;
}
