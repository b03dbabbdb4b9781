// One row of the log view: its time (when shown), its coloured text as spans, the search's marks on it.
// Memoised on its props, so a new batch re-renders only the rows that appear, not those already shown.
import { memo } from 'react';
import { ansiSegments } from '../../../logs/ansi-segments';
import { formatLogTime, type LogLine } from '../../../logs/log-line';
import { markPieces } from '../../../logs/log-search';

export interface LogRowProps {
  line: LogLine;
  index: number;
  showTime: boolean;
  /** The search query ('' for none) and which of this line's occurrences is the current match (-1: none). */
  query: string;
  currentOccurrence: number;
  measure: (element: HTMLElement | null) => void;
  top: number;
}

function rangesIn(text: string, query: string, currentOccurrence: number) {
  const ranges: { start: number; end: number; current: boolean }[] = [];
  if (!query) return ranges;
  const hay = text.toLowerCase();
  const needle = query.toLowerCase();
  let at = hay.indexOf(needle);
  while (at !== -1) {
    ranges.push({ start: at, end: at + needle.length, current: ranges.length === currentOccurrence });
    at = hay.indexOf(needle, at + needle.length);
  }
  return ranges;
}

export const LogRow = memo(function LogRow({
  line,
  index,
  showTime,
  query,
  currentOccurrence,
  measure,
  top,
}: LogRowProps) {
  const segments = ansiSegments(line.text);
  const text = segments.map((segment) => segment.text).join('');
  const pieces = markPieces(segments, rangesIn(text, query, currentOccurrence));
  return (
    <div
      ref={measure}
      data-index={index}
      className={`log-row log-row-${line.fd}`}
      role="listitem"
      style={{ transform: `translateY(${top}px)` }}
    >
      {line.fd === 'stderr' && <span className="visually-hidden">stderr: </span>}
      {showTime && line.ts && (
        <time className="log-time" dateTime={line.ts}>
          {formatLogTime(line.ts)}
        </time>
      )}
      <span className="log-text">
        {pieces.map((piece, i) => {
          const className = [
            piece.style.className,
            piece.mark === 2 ? 'log-mark log-mark-current' : piece.mark ? 'log-mark' : '',
          ]
            .filter(Boolean)
            .join(' ');
          const style =
            piece.style.color || piece.style.background
              ? { color: piece.style.color, background: piece.style.background }
              : undefined;
          return piece.mark ? (
            <mark key={i} className={className} style={style} aria-current={piece.mark === 2 ? 'true' : undefined}>
              {piece.text}
            </mark>
          ) : className || style ? (
            <span key={i} className={className} style={style}>
              {piece.text}
            </span>
          ) : (
            piece.text
          );
        })}
      </span>
    </div>
  );
});
