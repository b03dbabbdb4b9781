// The filter rule of the simple tables: every space-separated word must appear in one of the row's fields.

export function matchesWords(fields: readonly (string | null | undefined)[], filter: string): boolean {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fields.filter((field): field is string => Boolean(field)).map((field) => field.toLowerCase());
  return words.every((word) => haystack.some((field) => field.includes(word)));
}

/** `sha256:0123abcd…` → `0123abcd0123`, as the docker CLI shows ids. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
