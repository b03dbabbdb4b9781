// A line's ANSI codes turned into styled segments with anser, rendered as React spans (never as HTML).
// The 16 base colours become classes (themed in logs.css, readable in light and dark); 256-colour and true
// colours become an inline colour.
import Anser from 'anser';

export interface SegmentStyle {
  className: string;
  color?: string;
  background?: string;
}

export interface Segment {
  text: string;
  style: SegmentStyle;
}

const plainStyle: SegmentStyle = { className: '' };

/** xterm's 256-colour palette above the 16 base colours: a 6×6×6 cube, then 24 greys. */
function paletteColor(n: number): string {
  if (n >= 232) {
    const grey = 8 + (n - 232) * 10;
    return `rgb(${grey}, ${grey}, ${grey})`;
  }
  const cube = n - 16;
  const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
  return `rgb(${level(Math.floor(cube / 36))}, ${level(Math.floor(cube / 6) % 6)}, ${level(cube % 6)})`;
}

function colour(name: string | null, truecolor: string | null, kind: 'fg' | 'bg'): { cls?: string; css?: string } {
  if (!name) return {};
  if (name === 'ansi-truecolor' && truecolor) return { css: `rgb(${truecolor})` };
  const palette = /^ansi-palette-(\d+)$/.exec(name);
  if (palette) {
    const n = Number(palette[1]);
    return n < 16 ? { cls: `log-${kind}-${n}` } : { css: paletteColor(n) };
  }
  return { cls: `log-${kind}-${name.replace(/^ansi-/, '')}` };
}

export function ansiSegments(text: string): Segment[] {
  if (text.indexOf('\u001b') === -1) return [{ text, style: plainStyle }];
  const entries = Anser.ansiToJson(text, { use_classes: true, remove_empty: true });
  return entries.map((entry) => {
    const fg = colour(entry.fg, entry.fg_truecolor, 'fg');
    const bg = colour(entry.bg, entry.bg_truecolor, 'bg');
    const classes = [fg.cls, bg.cls, ...entry.decorations.map((d) => `log-${d}`)].filter(Boolean);
    return { text: entry.content, style: { className: classes.join(' '), color: fg.css, background: bg.css } };
  });
}
