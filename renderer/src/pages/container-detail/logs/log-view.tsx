// The virtualised list of log lines: only the rows in view (and a few around) are in the page, whatever the
// buffer holds. It follows the end while the user is at the bottom, stops when they scroll up (a "Jump to
// latest" button brings it back), asks for older lines when scrolled to the top (keeping the rows in view
// where they were), and brings the current search match into view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { LogBuffer } from '../../../logs/log-buffer';
import type { SearchMatch } from '../../../logs/log-search';
import { LogRow } from './log-row';

const rowHeight = 18;

export interface LogViewProps {
  buffer: LogBuffer;
  /** The buffer's version: a new one re-renders the view once. */
  version: number;
  showTime: boolean;
  wrap: boolean;
  query: string;
  current: SearchMatch | null;
  /** Which occurrence in its line the current match is. */
  currentOccurrence: number;
  following: boolean;
  onFollowingChange: (following: boolean) => void;
  onNearTop: () => void;
  /** What the list is empty with: "No output yet", "Loading…". */
  emptyText: string;
}

export function LogView(props: LogViewProps) {
  const { buffer, version, showTime, wrap, query, current, currentOccurrence, following, onFollowingChange } = props;
  const scroller = useRef<HTMLDivElement>(null);
  /** Where the view last put the scroll position itself: scrolling above it is the user's doing. */
  const placedTop = useRef(0);
  const lines = buffer.lines;
  const firstSeq = lines[0]?.seq ?? 0;
  const prevFirstSeq = useRef(firstSeq);
  const prevCount = useRef(lines.length);

  // The virtualiser's functions change with its state; this component re-renders with it (no memoisation wanted).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 15,
    getItemKey: (index) => lines[index]?.seq ?? index,
  });

  // Rows' heights change with wrapping and with the time column: measure again.
  useEffect(() => virtualizer.measure(), [virtualizer, wrap, showTime]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const added = prevFirstSeq.current - firstSeq;
    if (added > 0 && prevCount.current > 0 && !following) {
      // An older page went in above: keep what the user was reading in place.
      element.scrollTop += added * rowHeight;
      placedTop.current = element.scrollTop;
    }
    prevFirstSeq.current = firstSeq;
    prevCount.current = lines.length;
    if (following) {
      element.scrollTop = element.scrollHeight;
      placedTop.current = element.scrollTop;
    }
  }, [version, following, firstSeq, lines.length]);

  useEffect(() => {
    if (!current) return;
    const index = current.seq - firstSeq;
    if (index < 0 || index >= lines.length) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    // Let the next scroll event settle where the match was put.
    requestAnimationFrame(() => {
      if (scroller.current) placedTop.current = scroller.current.scrollTop;
    });
  }, [current, firstSeq, lines.length, virtualizer]);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 4;
    if (atBottom && !following) onFollowingChange(true);
    else if (!atBottom && following && element.scrollTop < placedTop.current - 2) onFollowingChange(false);
    if (element.scrollTop < rowHeight * 20) props.onNearTop();
  }, [following, onFollowingChange, props]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="log-view-frame">
      <div
        ref={scroller}
        className={`log-view${wrap ? ' log-view-wrap' : ''}`}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label="Log lines"
      >
        {lines.length === 0 ? (
          <p className="log-empty muted">{props.emptyText}</p>
        ) : (
          <div className="log-canvas" role="list" aria-label="Lines" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const line = lines[item.index];
              const isCurrent = current !== null && current.seq === line.seq;
              return (
                <LogRow
                  key={item.key}
                  line={line}
                  index={item.index}
                  top={item.start}
                  showTime={showTime}
                  query={query}
                  currentOccurrence={isCurrent ? currentOccurrence : -1}
                  measure={virtualizer.measureElement}
                />
              );
            })}
          </div>
        )}
      </div>
      {!following && lines.length > 0 && (
        <button type="button" className="button log-jump" onClick={() => onFollowingChange(true)}>
          Jump to latest ↓
        </button>
      )}
    </div>
  );
}
