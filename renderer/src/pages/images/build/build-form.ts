// The Build dialog's model: what the user typed, checked before anything is sent (an absolute context path,
// build argument names), and turned into the images:build request.
import type { RequestOf } from '@shared/contract';
import type { KeyValueRow } from '../../../run/run-form';

export interface BuildForm {
  context: string;
  dockerfile: string;
  tag: string;
  target: string;
  buildArgs: KeyValueRow[];
  noCache: boolean;
}

export const initialBuildForm = (): BuildForm => ({
  context: '',
  dockerfile: 'Dockerfile',
  tag: '',
  target: '',
  buildArgs: [],
  noCache: false,
});

/** Absolute on POSIX (`/…`) or Windows (`C:\…`, `\\server\…`): the core checks it again where it runs. */
const absolute = (path: string) => path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\');

/** Problems keyed by field (`context`, `args:<row id>:key`), as the run dialog's rows expect. */
export function buildProblems(form: BuildForm): Record<string, string> {
  const problems: Record<string, string> = {};
  const context = form.context.trim();
  if (context === '') problems.context = 'Type the folder that holds the Dockerfile.';
  else if (!absolute(context)) problems.context = 'Type an absolute path, such as /home/me/app.';
  if (form.dockerfile.trim() === '') problems.dockerfile = 'Type the Dockerfile’s path inside the folder.';
  for (const row of form.buildArgs) {
    if (row.key === '' && row.value === '') continue;
    if (!/^[^=\s]+$/.test(row.key)) problems[`args:${row.id}:key`] = 'A name without spaces or =.';
  }
  if (form.target !== '' && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(form.target.trim()))
    problems.target = 'A stage name from the Dockerfile (FROM … AS name).';
  return problems;
}

export function buildRequest(form: BuildForm, streamId: string): RequestOf<'images:build'> {
  const tag = form.tag.trim();
  const target = form.target.trim();
  const args = form.buildArgs.filter((row) => row.key !== '');
  return {
    streamId,
    context: form.context.trim(),
    dockerfile: form.dockerfile.trim(),
    ...(tag ? { tag } : {}),
    ...(target ? { target } : {}),
    ...(args.length ? { buildArgs: args.map((row) => ({ key: row.key, value: row.value })) } : {}),
    ...(form.noCache ? { noCache: true } : {}),
  };
}
