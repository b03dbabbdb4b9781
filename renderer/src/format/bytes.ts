// Byte counts for people: binary prefixes (KiB, MiB, GiB), as the engine and the kernel count memory.

const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * `1536` → `1.5 KiB`, `4294967296` → `4 GiB`. Three significant digits at most, trailing zeros dropped,
 * so columns of sizes stay short; negative or non-finite input is shown as an em dash.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${value} B`;
  // Past 1000 a unit would print four digits (e.g. 1000 MiB): that is still clearer than 0.98 GiB.
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${trimZeros(value.toFixed(digits))} ${units[unit]}`;
}

/** Memory totals in GiB with one decimal, e.g. `23.4 GiB`: the unit Docker Desktop shows for a machine. */
export function formatGiB(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  return `${trimZeros((bytes / 1024 ** 3).toFixed(1))} GiB`;
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
