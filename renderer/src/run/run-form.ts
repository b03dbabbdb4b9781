// Owns the run dialog's model: what the user typed, kept as typed (ports and paths as text, rows with ids)
// so nothing is lost while it is invalid, how a fresh form starts (the image, the default limit profile) and
// the small row edits the dialog's lists make.
import type { ContainerLimits, LimitsChange } from '@shared/limits-types';
import type { MountSpec, PortProtocol } from '@shared/run-types';
import { defaultPublishInterface, type PublishInterface } from '@shared/settings-types';
import { noLimits } from '@shared/limits/limit-fields';
import { resolveChange } from '@shared/limits/resolve-change';

export interface KeyValueRow {
  id: number;
  key: string;
  value: string;
}

export interface PortRow {
  id: number;
  containerPort: string;
  protocol: PortProtocol;
  /** Empty: any free port the engine picks. */
  hostPort: string;
  /** Empty: the address `publishInterface` stands for (127.0.0.1 or 0.0.0.0). */
  hostIp: string;
}

export interface MountRow {
  id: number;
  type: MountSpec['type'];
  source: string;
  target: string;
  readOnly: boolean;
}

export interface RunForm {
  image: string;
  /** Empty: the core generates one. */
  name: string;
  /** One line, split like a shell would (argv.ts); empty keeps the image's CMD. */
  command: string;
  entrypoint: string;
  env: KeyValueRow[];
  ports: PortRow[];
  /** Every EXPOSEd port, each published on `publishInterface` (not `-P`, which cannot say where). */
  publishAll: boolean;
  /** Where ports without their own host address are published; starts from Settings. */
  publishInterface: PublishInterface;
  mounts: MountRow[];
  /** null: the engine's default bridge. */
  network: string | null;
  labels: KeyValueRow[];
  /** The limits editor's value; its restart policy is the run's restart policy. */
  limits: ContainerLimits;
  /** NaN while the field is empty. */
  replicas: number;
}

export const MAX_REPLICAS = 50;

let lastRowId = 0;

/** Row ids only tell rows apart for React keys and problem keys; they never leave the renderer. */
export function nextRowId(): number {
  lastRowId += 1;
  return lastRowId;
}

export function initialRunForm(
  image: string,
  defaultLimits: LimitsChange,
  publishInterface: PublishInterface = defaultPublishInterface,
): RunForm {
  return {
    image,
    name: '',
    command: '',
    entrypoint: '',
    env: [],
    ports: [],
    publishAll: false,
    publishInterface,
    mounts: [],
    network: null,
    labels: [],
    limits: resolveChange(noLimits, defaultLimits),
    replicas: 1,
  };
}

export const emptyKeyValue = (): KeyValueRow => ({ id: nextRowId(), key: '', value: '' });
export const emptyPort = (): PortRow => ({
  id: nextRowId(),
  containerPort: '',
  protocol: 'tcp',
  hostPort: '',
  hostIp: '',
});
export const emptyMount = (): MountRow => ({
  id: nextRowId(),
  type: 'volume',
  source: '',
  target: '',
  readOnly: false,
});

/** Replaces the row with this id by the patched row. */
export function patchRow<T extends { id: number }>(rows: readonly T[], id: number, patch: Partial<T>): T[] {
  return rows.map((row) => (row.id === id ? { ...row, ...patch } : row));
}

export function removeRow<T extends { id: number }>(rows: readonly T[], id: number): T[] {
  return rows.filter((row) => row.id !== id);
}

/**
 * Pasted .env entries merged into the rows: a key already there takes the pasted value (the file is the newer
 * word), new keys are added after, and blank rows left over from "Add" are dropped.
 */
export function mergeEnv(
  rows: readonly KeyValueRow[],
  entries: ReadonlyArray<{ key: string; value: string }>,
): KeyValueRow[] {
  const merged = rows.filter((row) => row.key !== '' || row.value !== '').map((row) => ({ ...row }));
  for (const entry of entries) {
    const existing = merged.find((row) => row.key === entry.key);
    if (existing) existing.value = entry.value;
    else merged.push({ id: nextRowId(), key: entry.key, value: entry.value });
  }
  return merged;
}
