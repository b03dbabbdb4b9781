// The Create volume dialog's fields as typed (labels as rows), checked before they are sent with the same
// rules as the volumes:create schema, and turned into the request.
import type { RequestOf } from '@shared/contract';
import type { KeyValueRow } from '../../run/run-form';

export interface VolumeForm {
  /** Empty: the engine names it (an anonymous volume). */
  name: string;
  driver: string;
  labels: KeyValueRow[];
}

export const emptyVolumeForm: VolumeForm = { name: '', driver: 'local', labels: [] };

/** Problems by field: `name`, `driver`, and `labels:<row id>:key` as the label rows expect. */
export type VolumeFormProblems = Record<string, string>;

const namePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/;
const driverPattern = /^[a-zA-Z0-9][a-zA-Z0-9_.:/-]{0,254}$/;

export function volumeFormProblems(form: VolumeForm): VolumeFormProblems {
  const problems: VolumeFormProblems = {};
  const name = form.name.trim();
  if (name !== '' && !namePattern.test(name))
    problems.name = 'Letters, digits, _ . and -, starting with a letter or digit (at most 255).';
  if (!driverPattern.test(form.driver.trim()))
    problems.driver =
      form.driver.trim() === ''
        ? 'A driver is needed: local keeps the data on this engine.'
        : 'A driver name like local or vieux/sshfs.';
  const seen = new Set<string>();
  for (const row of form.labels) {
    const key = row.key.trim();
    if (key === '' && row.value === '') continue;
    if (key === '') problems[`labels:${row.id}:key`] = "Enter the label's name.";
    else if (key.length > 255) problems[`labels:${row.id}:key`] = 'A label name has at most 255 characters.';
    else if (seen.has(key)) problems[`labels:${row.id}:key`] = `The label ${key} is given twice.`;
    seen.add(key);
  }
  return problems;
}

export function volumeCreateRequest(form: VolumeForm): RequestOf<'volumes:create'> {
  const labels = form.labels
    .filter((row) => row.key.trim() !== '')
    .map((row) => ({ key: row.key.trim(), value: row.value }));
  const name = form.name.trim();
  return {
    ...(name ? { name } : {}),
    driver: form.driver.trim(),
    ...(labels.length ? { labels } : {}),
  };
}
