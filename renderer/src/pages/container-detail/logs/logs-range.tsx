// Since and until for the Logs tab: two local date-times; Apply reopens the logs within them.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { LogRange } from '../../../logs/use-log-follow';

function toInput(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const date = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function fromInput(value: string): number | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

export function LogsRange({ range, onApply }: { range: LogRange; onApply: (range: LogRange) => void }) {
  const [since, setSince] = useState(toInput(range.since));
  const [until, setUntil] = useState(toInput(range.until));
  const changed = since !== toInput(range.since) || until !== toInput(range.until);
  return (
    <form
      className="logs-range"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ since: fromInput(since), until: fromInput(until) });
      }}
    >
      <label>
        <span>Since</span>
        <input type="datetime-local" step={1} value={since} onChange={(event) => setSince(event.target.value)} />
      </label>
      <label>
        <span>Until</span>
        <input type="datetime-local" step={1} value={until} onChange={(event) => setUntil(event.target.value)} />
      </label>
      <Button type="submit" className="button button-secondary button-small" isDisabled={!changed}>
        Apply
      </Button>
      {(range.since !== undefined || range.until !== undefined) && (
        <Button
          className="button button-quiet button-small"
          onPress={() => {
            setSince('');
            setUntil('');
            onApply({});
          }}
        >
          All time
        </Button>
      )}
    </form>
  );
}
