// The Logs tab's search state: the matches in the lines held (found again at most twice a second while lines
// stream in, not per batch), the current one, and next/previous that keep it when the matches are found again.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LogBuffer } from '../../../logs/log-buffer';
import { findMatches, stepMatch, type SearchMatch } from '../../../logs/log-search';

const matchLimit = 10_000;
const refreshMs = 500;

export function useLogSearch(buffer: LogBuffer, version: number) {
  const [query, setQuery] = useState('');
  const [seenVersion, setSeenVersion] = useState(version);
  const [current, setCurrent] = useState<SearchMatch | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Throttled: a follow at 10k lines a second changes the buffer every frame.
  useEffect(() => {
    if (!query || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setSeenVersion(buffer.version);
    }, refreshMs);
  }, [version, query, buffer]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- seenVersion stands for the buffer's content
  const matches = useMemo(() => findMatches(buffer.lines, query, matchLimit), [buffer, query, seenVersion]);
  const index = current ? matches.findIndex((m) => m.seq === current.seq && m.start === current.start) : -1;
  const occurrence = current && index >= 0 ? index - matches.findIndex((m) => m.seq === current.seq) : -1;

  return {
    query,
    setQuery: (next: string) => {
      setQuery(next);
      setCurrent(null);
      setSeenVersion(buffer.version);
    },
    matches,
    capped: matches.length >= matchLimit,
    index,
    current: index >= 0 ? current : null,
    occurrence,
    step: (step: 1 | -1) => {
      const next = stepMatch(matches.length, index, step);
      setCurrent(next < 0 ? null : matches[next]);
    },
  };
}
