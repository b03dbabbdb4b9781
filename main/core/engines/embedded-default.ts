// When Berth starts its own dockerd by itself: on Linux, when nothing answers where the docker CLI would look,
// dockerd is installed and Berth may run it, and the user has not set engines up already. Pure, so the rule is
// tested without a machine in each state.
import type { EngineStatus } from '../../shared/engine-types';
import type { DockerdAvailability } from './dockerd/dockerd-provider';

export interface EmbeddedDefaultFacts {
  platform: NodeJS.Platform;
  /** `BERTH_EMBEDDED_ENGINE=0` turns it off (tests, users who want Berth to only connect). */
  optedOut: boolean;
  /** Engines the user configured before: then they chose, and Berth does not add one. */
  configuredEngines: number;
  discovered: EngineStatus;
  dockerd: DockerdAvailability;
  /** DOCKER_HOST is set: the user named the engine to use, and Berth does not start another in its place. */
  explicitHost?: boolean;
}

export function shouldStartEmbeddedEngine(facts: EmbeddedDefaultFacts): boolean {
  return (
    facts.platform === 'linux' &&
    !facts.explicitHost &&
    !facts.optedOut &&
    facts.configuredEngines === 0 &&
    facts.discovered.state === 'unreachable' &&
    facts.dockerd.available
  );
}
