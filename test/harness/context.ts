// Owns what the engine project's global setup hands to test files: where the private engine and registry
// are and which images exist, as one plain (serialisable) object.
import { inject } from 'vitest';

export interface HarnessContext {
  /** `unix:///tmp/berth-test-…/docker.sock`, for code that takes DOCKER_HOST. */
  dockerHost: string;
  socketPath: string;
  /** The engine's --data-root, what `info().DockerRootDir` reports. */
  dataRoot: string;
  /** `127.0.0.1:PORT` of the private registry. */
  registry: string;
  /** Built in the engine: `berth-test/busybox:latest`. */
  busyboxImage: string;
  /** The same image in the registry: `127.0.0.1:PORT/berth-test/busybox:latest`. */
  registryImage: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    harness: HarnessContext;
  }
}

/** The running harness; only in the `engine` project, whose global setup provides it. */
export function harness(): HarnessContext {
  const context = inject('harness');
  if (!context) throw new Error('[harness] no harness context: run this file in the vitest project "engine"');
  return context;
}
