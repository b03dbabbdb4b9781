// Which URLs Berth hands to the operating system's browser: http(s) only, never file:, javascript: or
// custom schemes that could launch local programs.

export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false; // Not a URL at all, so certainly not one to open.
  }
}
