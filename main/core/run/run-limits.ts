// Owns checking the limits a new container is to get with the shared rules (main/shared/limits), before
// anything is created: against this engine's CPUs, cores and swap support at run time, or against the rules
// alone for a limit profile saved in the settings (the engine it will run on is not known then).
import type Dockerode from 'dockerode';
import type { BerthError } from '../../shared/errors';
import type { LimitsCapabilities, LimitsChange, RestartPolicy } from '../../shared/limits-types';
import { parseCpuset } from '../../shared/limits/cpuset';
import { noLimits } from '../../shared/limits/limit-fields';
import { resolveChange } from '../../shared/limits/resolve-change';
import { toCapabilities, toEngineLimitsFacts, type LimitsRawInfo } from '../limits/limits-capabilities';
import { invalidLimitsError } from '../limits/limits-validate';

/** What this engine allows; a new container has no --rm, so nothing is fixed for it but swap support. */
export async function engineCapabilities(docker: Dockerode, product: 'docker' | 'podman'): Promise<LimitsCapabilities> {
  return toCapabilities(toEngineLimitsFacts((await docker.info()) as LimitsRawInfo, product), { autoRemove: false });
}

/**
 * No engine to ask: CPU counts are not checked (engineCpus 0 skips that rule) and a cpuset may name any core
 * (only its syntax is checked). The run checks both against the engine it runs on.
 */
export function ruleOnlyCapabilities(limits: LimitsChange): LimitsCapabilities {
  const cores = typeof limits.cpusetCpus === 'string' ? (parseCpuset(limits.cpusetCpus) ?? []) : [];
  return { engineCpus: 0, cores, engineMemoryBytes: 0, swapLimitSupported: true, fixed: [] };
}

/**
 * One INVALID_LIMITS error naming every broken rule, or null. A new container starts from no limits at all;
 * its restart policy is the spec's own (a profile's restartPolicy is not used by runs).
 */
export function runLimitsError(
  limits: LimitsChange,
  restartPolicy: RestartPolicy,
  caps: LimitsCapabilities,
): BerthError | null {
  const change: LimitsChange = { ...limits, restartPolicy };
  return invalidLimitsError(resolveChange(noLimits, change), noLimits, change, caps);
}
