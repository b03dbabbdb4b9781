// Owns loading dockerode without its BuildKit session code until something uses it. dockerode requires its
// `session` module when it loads (gRPC and protobuf: about a third of dockerode's load time, ~60 ms here) for
// builds that open a BuildKit session, which Berth does not ask for; `berth serve` loads dockerode while a
// browser may be waiting for the page. A stand-in put in the module cache first loads the real module on its
// first call instead.
import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Session = (...args: unknown[]) => unknown;

/**
 * Call before dockerode first loads. False when it did nothing: dockerode is not where `load` finds it, its
 * layout is not the one expected, or its session module is loaded already.
 */
export function deferDockerodeSession(load: NodeJS.Require = createRequire(import.meta.url)): boolean {
  let path: string;
  try {
    // dockerode's main is lib/docker.js, which requires ./session.
    path = join(dirname(load.resolve('dockerode')), 'session.js');
  } catch {
    // Without dockerode there is nothing to defer; loading the core then says why it is missing.
    return false;
  }
  if (load.cache[path] || !existsSync(path)) return false;
  let real: Session | null = null;
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = function withSession(this: unknown, ...args: unknown[]): unknown {
    if (!real) {
      delete load.cache[path];
      real = load(path) as Session;
    }
    return real.apply(this, args);
  };
  load.cache[path] = standIn;
  return true;
}
