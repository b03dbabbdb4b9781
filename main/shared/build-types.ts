// What a build's stream says at its end: the built image's id and tag on one `system` line whose format both
// sides share, so the renderer can offer to run the result without a second channel.

export interface BuiltImage {
  id: string;
  /** The tag asked for, or null when the build was untagged (run it by id). */
  tag: string | null;
}

const prefix = 'Built image ';

/** The last line of a successful build's stream. */
export function builtImageLine(built: BuiltImage): string {
  return `${prefix}${built.id}${built.tag ? ` tagged ${built.tag}` : ''}\n`;
}

/** Finds the built image in a stream's `system` text (the last such line wins). */
export function parseBuiltImage(text: string): BuiltImage | null {
  let found: BuiltImage | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith(prefix)) continue;
    const match = /^Built image (\S+)(?: tagged (\S+))?$/.exec(line.trim());
    if (match) found = { id: match[1]!, tag: match[2] ?? null };
  }
  return found;
}
