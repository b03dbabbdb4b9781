// Above the charts: the time range (1, 5 or 15 minutes) and Pause charts, which freezes what the charts
// show while the store keeps collecting, so nothing is lost when they resume.
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';

export const timeRanges = [
  { seconds: 60, label: '1 min' },
  { seconds: 300, label: '5 min' },
  { seconds: 900, label: '15 min' },
] as const;

export interface StatsToolbarProps {
  rangeSeconds: number;
  onRangeChange: (seconds: number) => void;
  paused: boolean;
  onPausedChange: (paused: boolean) => void;
  /** A short line beside the controls, e.g. "Live · every 1 s" or "Paused at 12:03:04". */
  status: string;
}

export function StatsToolbar({ rangeSeconds, onRangeChange, paused, onPausedChange, status }: StatsToolbarProps) {
  return (
    <div className="stats-toolbar">
      <ToggleButtonGroup
        aria-label="Time range"
        className="segmented"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[String(rangeSeconds)]}
        onSelectionChange={(keys: Set<Key>) => {
          const [key] = keys;
          if (key !== undefined) onRangeChange(Number(key));
        }}
      >
        {timeRanges.map((range) => (
          <ToggleButton key={range.seconds} id={String(range.seconds)} className="segmented-button">
            {range.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <ToggleButton className="button button-secondary pause-button" isSelected={paused} onChange={onPausedChange}>
        <span className="pause-icon" aria-hidden="true">
          ❚❚
        </span>
        Pause charts
      </ToggleButton>
      <span className="stats-status muted" role="status">
        {status}
      </span>
    </div>
  );
}
