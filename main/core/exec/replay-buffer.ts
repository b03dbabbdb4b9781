// The last output of a terminal session, bounded, so a page that comes back can show what it missed.
// Trimmed from the front at a line break where there is one, so the replay does not start mid-line; trimmed only
// once it holds a quarter more than its bound, so a flooding shell does not copy the whole buffer per chunk.

export class ReplayBuffer {
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly maxChars = 256 * 1024) {}

  append(text: string): void {
    if (text === '') return;
    this.chunks.push(text);
    this.size += text.length;
    if (this.size > this.maxChars * 1.25) this.trim();
  }

  /** At most `maxChars` characters. */
  text(): string {
    if (this.size > this.maxChars) this.trim();
    return this.chunks.join('');
  }

  get length(): number {
    return this.size;
  }

  private trim(): void {
    let text = this.chunks.join('');
    text = text.slice(text.length - this.maxChars);
    const lineBreak = text.indexOf('\n');
    // Drop the partial first line, unless that would drop most of what is kept.
    if (lineBreak >= 0 && lineBreak < this.maxChars / 4) text = text.slice(lineBreak + 1);
    this.chunks = [text];
    this.size = text.length;
  }
}
