// The compose files the user brought up last, newest first, kept in localStorage: serve mode cannot browse the
// host's disk, so a path typed once should not have to be typed again.
const storageKey = 'berth.compose.recentFiles';
const kept = 6;

export function recentComposeFiles(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((item): item is string => typeof item === 'string').slice(0, kept)
      : [];
  } catch (error) {
    // A hand-edited or corrupt entry: start over rather than fail the dialog.
    console.warn('[compose] ignoring unreadable recent files', error);
    return [];
  }
}

export function rememberComposeFile(file: string): string[] {
  const next = [file, ...recentComposeFiles().filter((item) => item !== file)].slice(0, kept);
  try {
    localStorage.setItem(storageKey, JSON.stringify(next));
  } catch (error) {
    console.warn('[compose] could not keep the recent files', error);
  }
  return next;
}
