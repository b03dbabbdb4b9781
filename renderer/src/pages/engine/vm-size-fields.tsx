// The Add engine dialog's sizes for a Linux VM: CPUs (up to this machine's), memory (MiB or GiB) and the data
// disk (GiB), each checked as typed against the bounds the core accepts.
import { ReferenceField } from '../../components/reference-field';
import { parseCpus, parseDiskGiB, parseMemoryMiB, type Parsed } from './engine-form';

export interface VmSizeText {
  cpus: string;
  memory: string;
  disk: string;
}

/** The browser's count of logical CPUs: in Electron and the usual local `serve` it is the host's. */
export function hostCpuCount(): number {
  return Math.min(64, Math.max(1, navigator.hardwareConcurrency || 1));
}

export function defaultVmSize(hostCpus: number): VmSizeText {
  return { cpus: String(Math.min(2, hostCpus)), memory: '2 GiB', disk: '32' };
}

export function parseVmSize(text: VmSizeText, hostCpus: number): { cpus: Parsed; memoryMiB: Parsed; diskGiB: Parsed } {
  return {
    cpus: parseCpus(text.cpus, hostCpus),
    memoryMiB: parseMemoryMiB(text.memory),
    diskGiB: parseDiskGiB(text.disk),
  };
}

export interface VmSizeFieldsProps {
  value: VmSizeText;
  hostCpus: number;
  showProblems: boolean;
  onChange: (value: VmSizeText) => void;
}

export function VmSizeFields({ value, hostCpus, showProblems, onChange }: VmSizeFieldsProps) {
  const parsed = parseVmSize(value, hostCpus);
  const problem = (result: Parsed) => (showProblems && !result.ok ? result.problem : null);
  return (
    <div className="vm-size-fields">
      <ReferenceField
        label="CPUs"
        value={value.cpus}
        onChange={(cpus) => onChange({ ...value, cpus })}
        error={problem(parsed.cpus)}
        description={`1 to ${hostCpus}.`}
      />
      <ReferenceField
        label="Memory"
        value={value.memory}
        onChange={(memory) => onChange({ ...value, memory })}
        error={problem(parsed.memoryMiB)}
        description="e.g. 2 GiB or 3072 MiB."
      />
      <ReferenceField
        label="Disk (GiB)"
        value={value.disk}
        onChange={(disk) => onChange({ ...value, disk })}
        error={problem(parsed.diskGiB)}
        description="The engine's data disk; it can grow later."
      />
    </div>
  );
}
