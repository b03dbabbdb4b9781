// Copy and download of the Logs tab: the selection or every line held, as plain text (ANSI codes removed),
// with times when they are shown; a download is a `.log` file made from a Blob, nothing sent anywhere.
import type { LogLine } from '../../../logs/log-line';
import { linesToText } from '../../../logs/log-line';
import { saveFile } from '../../../lib/save-file';

export async function copyLines(lines: readonly LogLine[], withTimes: boolean): Promise<'selection' | 'all'> {
  const selection = window.getSelection()?.toString() ?? '';
  const text = selection || linesToText(lines, withTimes);
  await navigator.clipboard.writeText(text);
  return selection ? 'selection' : 'all';
}

export function downloadLines(lines: readonly LogLine[], withTimes: boolean, name: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  saveFile(linesToText(lines, withTimes), `${name}-${stamp}.log`, 'text/plain;charset=utf-8');
}
