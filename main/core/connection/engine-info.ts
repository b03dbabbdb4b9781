// Maps the engine's `/info` and `/version` answers to EngineInfo, for Docker and for Podman's compatible API.
// Fields an engine leaves out become empty values rather than failures: the dashboard still works without them.
import type { EngineInfo } from '../../shared/engine-types';

/** The parts of `/version` Berth reads. */
export interface RawVersion {
  Version?: string;
  ApiVersion?: string;
  Os?: string;
  Arch?: string;
  KernelVersion?: string;
  Platform?: { Name?: string } | null;
  Components?: Array<{ Name?: string; Version?: string }> | null;
}

/** The parts of `/info` Berth reads. */
export interface RawInfo {
  ID?: string;
  Name?: string;
  OperatingSystem?: string;
  OSType?: string;
  KernelVersion?: string;
  Architecture?: string;
  NCPU?: number;
  MemTotal?: number;
  CgroupDriver?: string;
  CgroupVersion?: string;
  Driver?: string;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Podman names its component "Podman Engine" and often its platform too; Docker says "Engine". */
export function productOf(version: RawVersion): EngineInfo['product'] {
  const names = [text(version.Platform?.Name), ...(version.Components ?? []).map((c) => text(c?.Name))];
  return names.some((name) => /podman/i.test(name)) ? 'podman' : 'docker';
}

/** Docker answers "1"/"2", some Podman versions "v2": keep the bare number. */
function cgroupVersion(value: unknown): string {
  return text(value).replace(/^v/i, '');
}

export function toEngineInfo(info: RawInfo, version: RawVersion): EngineInfo {
  const product = productOf(version);
  const component = (version.Components ?? []).find((c) => /^(engine|podman engine)$/i.test(text(c?.Name)));
  return {
    product,
    version: text(version.Version) || text(component?.Version),
    apiVersion: text(version.ApiVersion),
    os: text(info.OperatingSystem) || text(version.Os),
    osType: text(info.OSType) || text(version.Os),
    kernelVersion: text(info.KernelVersion) || text(version.KernelVersion),
    architecture: text(info.Architecture) || text(version.Arch),
    cpus: count(info.NCPU),
    memoryBytes: count(info.MemTotal),
    cgroupDriver: text(info.CgroupDriver),
    cgroupVersion: cgroupVersion(info.CgroupVersion),
    storageDriver: text(info.Driver),
    containers: {
      total: count(info.Containers),
      running: count(info.ContainersRunning),
      paused: count(info.ContainersPaused),
      stopped: count(info.ContainersStopped),
    },
    images: count(info.Images),
    name: text(info.Name),
    engineId: text(info.ID),
  };
}
