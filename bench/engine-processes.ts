// Finds the processes that make up one private engine, whose CPU time is the engine's cost of serving stats:
// its dockerd, its containerd, and every containerd shim of that containerd. Shims double-fork away from
// containerd when they start, so they are not its children: they are found by the containerd address on
// their command line instead (`containerd-shim-runc-v2 -namespace … -id … -address <socket>`).
import type { PrivateEngine } from '../test/harness/private-engine';
import { processTable } from './proc-usage';

export interface EngineProcesses {
  daemons: number[];
  shims: number[];
  all: number[];
}

export function engineProcesses(engine: PrivateEngine): EngineProcesses {
  const daemons = engine.pids();
  const needle = `-address ${engine.containerdSocket}`;
  const shims = processTable()
    .filter((entry) => entry.cmdline.includes('containerd-shim') && entry.cmdline.includes(needle))
    .map((entry) => entry.pid);
  return { daemons, shims, all: [...daemons, ...shims] };
}
