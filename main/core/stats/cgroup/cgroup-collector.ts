// Owns the cgroup collector: reads a local container's counters straight from the kernel's cgroup files (and
// its network namespace's /proc net/dev), found through its init process. No engine call per tick; about 25–30×
// cheaper than the engine's stats API, which costs the engine ~5 ms of CPU per container sample.
import { existsSync, readFileSync } from 'node:fs';
import { findCgroupDirs } from './cgroup-paths';
import { CgroupV1Handle } from './cgroup-v1';
import { CgroupV2Handle } from './cgroup-v2';
import {
  CollectorUnavailableError,
  ContainerGoneError,
  type Collector,
  type ContainerFacts,
  type EngineFacts,
  type StatsHandle,
} from '../collector';
import { isGoneError } from './kept-open-file';
import { errorMessage } from '../../../shared/error-message.js';

export interface CgroupCollectorOptions {
  /** `/proc`; injectable so tests can point it at a fixture tree. */
  procRoot: string;
  /** `/sys/fs/cgroup`; injectable likewise. */
  cgroupRoot: string;
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException | null;
  return e?.code ? `${e.code} on ${e.path ?? 'a file'}` : errorMessage(error);
}

export class CgroupCollector implements Collector {
  readonly kind = 'cgroup' as const;

  constructor(private readonly options: CgroupCollectorOptions) {}

  open(facts: ContainerFacts, engine: EngineFacts): StatsHandle {
    const { procRoot, cgroupRoot } = this.options;
    if (!facts.running || facts.pid <= 0) throw new ContainerGoneError(`${facts.name} is not running`);
    const procDir = `${procRoot}/${facts.pid}`;
    let procCgroup: string;
    try {
      procCgroup = readFileSync(`${procDir}/cgroup`, 'utf8');
    } catch (error) {
      if (isGoneError(error)) throw new ContainerGoneError(`${facts.name}'s process ${facts.pid} has exited`);
      throw new CollectorUnavailableError(`cannot read ${procDir}/cgroup (${describe(error)})`);
    }
    const dirs = findCgroupDirs(procCgroup, { cgroupRoot, version: engine.cgroupVersion, containerId: facts.id });
    try {
      return dirs.version === 1
        ? new CgroupV1Handle(dirs, procRoot, facts.pid, facts.hostNetwork)
        : new CgroupV2Handle(dirs.dir, procRoot, facts.pid, facts.hostNetwork);
    } catch (error) {
      // A file vanishing now means the container just stopped, unless its process is still there: then this
      // kernel simply lacks the file, and the engine's API is the way to read this container.
      if (isGoneError(error) && !existsSync(procDir))
        throw new ContainerGoneError(`${facts.name} stopped while Berth opened its cgroup`);
      throw new CollectorUnavailableError(`cannot open its cgroup files (${describe(error)})`);
    }
  }

  dispose(): void {
    // Handles own their files; the service closes them.
  }
}
