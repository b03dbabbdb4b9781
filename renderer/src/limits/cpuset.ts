// The cpuset syntax (`0-1,3`) in the renderer: parsing it into core numbers for the per-core toggles and
// writing the selection back in its shortest form. Same rules as the core's cpuset.ts.

/** The cores a cpuset list names, ascending and without duplicates; null when the text is not a cpuset. */
export function parseCpuset(text: string): number[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const cores = new Set<number>();
  for (const part of trimmed.split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!match) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    // A reversed range is refused by the kernel; a huge one would only make a huge array.
    if (last < first || last - first > 4096) return null;
    for (let core = first; core <= last; core += 1) cores.add(core);
  }
  return [...cores].sort((a, b) => a - b);
}

/** `[0,1,2,5]` → `0-2,5`. */
export function formatCpuset(cores: readonly number[]): string {
  const sorted = [...new Set(cores)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * The selected cores as ContainerLimits holds them: null when none or every core the engine has is selected
 * (both mean "no restriction", and that is how the engine reads a removed cpuset back).
 */
export function cpusetFromCores(selected: readonly number[], engineCores: readonly number[]): string | null {
  if (selected.length === 0) return null;
  const all = engineCores.length > 0 && engineCores.every((core) => selected.includes(core)) && selected.length === engineCores.length;
  return all ? null : formatCpuset(selected);
}

/** The cores a ContainerLimits cpuset selects; empty for null (all cores) or text that is not a cpuset. */
export function coresOf(cpuset: string | null): number[] {
  return cpuset === null ? [] : (parseCpuset(cpuset) ?? []);
}
