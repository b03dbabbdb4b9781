// Owns the cpuset syntax (`0-1,3`): parsing it into core numbers, writing it back in its shortest form, and
// telling "every core the engine has" apart from a real restriction.

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
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Cores 0..n-1, as the engine's NCPU describes them. */
export function engineCores(engineCpus: number): number[] {
  return Array.from({ length: Math.max(0, engineCpus) }, (_, core) => core);
}

/**
 * A cpuset as ContainerLimits holds it: null for "no restriction" (empty, or every core the engine has, which
 * is how a removed cpuset reads back: Docker cannot store an empty one live), else the normalised list.
 * Text that is not a cpuset is kept as it is, for validation to name it.
 */
export function normaliseCpuset(text: string | null | undefined, engineCpus: number): string | null {
  if (!text) return null;
  const cores = parseCpuset(text);
  if (!cores) return text;
  if (engineCpus > 0 && cores.length === engineCpus && cores.every((core, index) => core === index)) return null;
  return formatCpuset(cores);
}
