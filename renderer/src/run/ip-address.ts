// Owns telling whether text is an IP address the engine can bind a port to (IPv4 dotted quad or IPv6), so the
// run dialog can say so beside the field instead of the core refusing the whole run.

export function isIpAddress(text: string): boolean {
  return isIpv4(text) || isIpv6(text);
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

function isIpv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const words = [...groups(halves[0]), ...(halves.length === 2 ? groups(halves[1]) : [])];
  // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two 16-bit groups.
  const last = words.at(-1);
  const tailIpv4 = last !== undefined && last.includes('.');
  if (tailIpv4 && !isIpv4(last)) return false;
  const hex = tailIpv4 ? words.slice(0, -1) : words;
  if (!hex.every((word) => /^[0-9a-fA-F]{1,4}$/.test(word))) return false;
  const count = hex.length + (tailIpv4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}
