// Owns turning a RunSpec into the engine's create request, field for field what `docker run` sends for the
// flags docker-run-command.ts writes (the preview and the container must not differ). Limits at creation use
// the shared creationLimits rule, not limits/update-payload.ts: an update needs removal encodings for limits
// already set, while a new container simply has none, and `--cpus` sets NanoCpus.
import type Dockerode from 'dockerode';
import { creationLimits, splitEntrypoint } from '../../shared/run-spec';
import type { RunSpec } from '../../shared/run-types';

/** dockerode's HostConfig lacks NanoCpus; the engine has had it since API 1.25. */
export type CreateHostConfig = Dockerode.HostConfig & { NanoCpus?: number };

export interface CreateOptions extends Dockerode.ContainerCreateOptions {
  name: string;
  HostConfig: CreateHostConfig;
}

/** `8080/tcp`: the engine's key for a port. */
export function portKey(port: { containerPort: number; protocol: string }): string {
  return `${port.containerPort}/${port.protocol}`;
}

function portBindings(spec: RunSpec): Pick<CreateOptions, 'ExposedPorts'> & Pick<CreateHostConfig, 'PortBindings'> {
  if (spec.ports.length === 0) return {};
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const port of spec.ports) {
    const key = portKey(port);
    exposed[key] = {};
    // The CLI sends empty strings for "any interface" and "a free port"; the engine stores them as sent.
    (bindings[key] ??= []).push({
      HostIp: port.hostIp ?? '',
      HostPort: port.hostPort === null ? '' : String(port.hostPort),
    });
  }
  return { ExposedPorts: exposed, PortBindings: bindings };
}

function limitsConfig(spec: RunSpec): Partial<CreateHostConfig> {
  const limits = creationLimits(spec.limits);
  const config: Partial<CreateHostConfig> = {};
  if (limits.nanoCpus !== undefined) config.NanoCpus = limits.nanoCpus;
  if (limits.cpuShares !== undefined) config.CpuShares = limits.cpuShares;
  if (limits.cpusetCpus !== undefined) config.CpusetCpus = limits.cpusetCpus;
  if (limits.memory !== undefined) config.Memory = limits.memory;
  if (limits.memoryReservation !== undefined) config.MemoryReservation = limits.memoryReservation;
  if (limits.memorySwap !== undefined) config.MemorySwap = limits.memorySwap;
  if (limits.pidsLimit !== undefined) config.PidsLimit = limits.pidsLimit;
  return config;
}

/** The create request for `spec` under `name` (the caller picks names: generated, given or per replica). */
export function createOptions(spec: RunSpec, name: string): CreateOptions {
  const { entrypoint, args } = splitEntrypoint(spec);
  const { ExposedPorts, PortBindings } = portBindings(spec);
  const options: CreateOptions = {
    name,
    Image: spec.image,
    Env: spec.env.map(({ key, value }) => `${key}=${value}`),
    Labels: Object.fromEntries(spec.labels.map(({ key, value }) => [key, value])),
    HostConfig: {
      PublishAllPorts: spec.publishAll,
      RestartPolicy: {
        Name: spec.restartPolicy.name,
        // The engine refuses a retry count with any other policy.
        MaximumRetryCount: spec.restartPolicy.name === 'on-failure' ? spec.restartPolicy.maximumRetryCount : 0,
      },
      ...limitsConfig(spec),
    },
  };
  if (entrypoint !== null) options.Entrypoint = [entrypoint];
  if (args !== null) options.Cmd = args;
  if (ExposedPorts) options.ExposedPorts = ExposedPorts;
  if (PortBindings) options.HostConfig.PortBindings = PortBindings;
  if (spec.mounts.length > 0) {
    options.HostConfig.Mounts = spec.mounts.map((mount) => ({
      Type: mount.type,
      Source: mount.source,
      Target: mount.target,
      ReadOnly: mount.readOnly,
    }));
  }
  if (spec.network !== null) options.HostConfig.NetworkMode = spec.network;
  return options;
}
