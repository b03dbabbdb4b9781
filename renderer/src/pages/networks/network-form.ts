// The create dialog's fields as typed, checked before they are sent, and turned into the request.
import type { RequestOf } from '@shared/contract';

export interface NetworkForm {
  name: string;
  driver: string;
  internal: boolean;
  subnet: string;
  /** One `key=value` per line. */
  labels: string;
}

export const emptyNetworkForm: NetworkForm = { name: '', driver: 'bridge', internal: false, subnet: '', labels: '' };

const namePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
const cidrPattern = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/;

export type FormProblems = Partial<Record<keyof NetworkForm, string>>;

export function parseLabels(text: string): { key: string; value: string }[] | string {
  const labels: { key: string; value: string }[] = [];
  for (const line of text.split('\n').map((each) => each.trim())) {
    if (line === '') continue;
    const at = line.indexOf('=');
    const key = (at < 0 ? line : line.slice(0, at)).trim();
    if (key === '') return `"${line}" has no key: write key=value.`;
    labels.push({ key, value: at < 0 ? '' : line.slice(at + 1).trim() });
  }
  return labels;
}

export function networkFormProblems(form: NetworkForm): FormProblems {
  const problems: FormProblems = {};
  if (!namePattern.test(form.name))
    problems.name =
      form.name === '' ? 'A name is needed.' : 'Letters, digits, _ . and -, starting with a letter or digit.';
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/.test(form.driver)) problems.driver = 'A driver name like bridge or macvlan.';
  if (form.subnet.trim() !== '' && !cidrPattern.test(form.subnet.trim()))
    problems.subnet = 'An address range like 10.10.0.0/24, or empty for one the engine picks.';
  const labels = parseLabels(form.labels);
  if (typeof labels === 'string') problems.labels = labels;
  return problems;
}

export function networkCreateRequest(form: NetworkForm): RequestOf<'networks:create'> {
  const labels = parseLabels(form.labels);
  return {
    name: form.name,
    driver: form.driver,
    internal: form.internal,
    ...(form.subnet.trim() ? { subnet: form.subnet.trim() } : {}),
    ...(typeof labels !== 'string' && labels.length ? { labels } : {}),
  };
}
