// The search box of the Logs tab: the query, the match count ("3 of 120"), Previous and Next (Enter and
// Shift+Enter in the box do the same).
import { Button, Input, Label, SearchField } from 'react-aria-components';

export interface LogsSearchBarProps {
  query: string;
  onQueryChange: (query: string) => void;
  count: number;
  /** 0-based; -1 when none is chosen. */
  current: number;
  /** The count stopped at its bound: "10000+". */
  capped: boolean;
  onStep: (step: 1 | -1) => void;
}

export function LogsSearchBar({ query, onQueryChange, count, current, capped, onStep }: LogsSearchBarProps) {
  const countText = !query
    ? ''
    : count === 0
      ? 'No matches'
      : `${current < 0 ? '–' : current + 1} of ${count}${capped ? '+' : ''}`;
  return (
    <div className="logs-search">
      <SearchField
        aria-label="Search the logs"
        value={query}
        onChange={onQueryChange}
        className="filter-field"
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          onStep(event.shiftKey ? -1 : 1);
        }}
      >
        <Label className="visually-hidden">Search the logs</Label>
        <Input className="filter-input" placeholder="Search (Enter: next, Shift+Enter: previous)" />
      </SearchField>
      <span className="logs-match-count muted" role="status" aria-live="polite">
        {countText}
      </span>
      <Button
        className="button button-secondary button-small"
        aria-label="Previous match"
        isDisabled={count === 0}
        onPress={() => onStep(-1)}
      >
        ↑
      </Button>
      <Button
        className="button button-secondary button-small"
        aria-label="Next match"
        isDisabled={count === 0}
        onPress={() => onStep(1)}
      >
        ↓
      </Button>
    </div>
  );
}
