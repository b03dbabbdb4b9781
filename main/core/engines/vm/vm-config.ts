// What a VM engine is in the settings (`kind: 'vm'`): its size and when it runs, with the defaults a new one
// gets. The bounds of its size live with the settings schema that checks them (settings/engines-file.ts).
import type { EngineConfig } from '../../../shared/engine-manager-types';

export type VmEngineConfig = Extract<EngineConfig, { kind: 'vm' }>;

export const VM_DEFAULTS = { cpus: 2, memoryMiB: 2048, diskGiB: 32 } as const;

export interface AddVmRequest {
  name: string;
  cpus?: number;
  memoryMiB?: number;
  diskGiB?: number;
  suspendOnStop?: boolean;
}

export function vmEngineId(name: string): string {
  return `vm-${name}`;
}

export function newVmConfig(request: AddVmRequest): VmEngineConfig {
  return {
    id: vmEngineId(request.name),
    name: request.name,
    kind: 'vm',
    cpus: request.cpus ?? VM_DEFAULTS.cpus,
    memoryMiB: request.memoryMiB ?? VM_DEFAULTS.memoryMiB,
    diskGiB: request.diskGiB ?? VM_DEFAULTS.diskGiB,
    startWithBerth: false,
    idleStopMinutes: null,
    suspendOnStop: request.suspendOnStop ?? true,
  };
}
