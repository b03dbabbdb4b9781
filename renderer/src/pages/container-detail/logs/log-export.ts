// Copy and download of the Logs tab: the selection or every line held, as plain text (ANSI codes removed),
// with times when they are shown; a download is a `.log` file made from a Blob, nothing sent anywhere.
import type { LogLine } from '../../../logs/log-line';
import { linesToText } from '../../../logs/log-line';

export async function copyLines(lines: readonly LogLine[], withTimes: boolean): Promise<'selection' | 'all'> {
  const selection = window.getSelection()?.toString() ?? '';
  const text = selection || linesToText(lines, withTimes);
  await navigator.clipboard.writeText(text);
  return selection ? 'selection' : 'all';
}

export function downloadLines(lines: readonly LogLine[], withTimes: boolean, name: string): void {
  const blob = new Blob([linesToText(lines, withTimes)], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the Blob once click() returns; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
