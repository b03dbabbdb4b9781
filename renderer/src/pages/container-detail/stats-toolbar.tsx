// Above the charts: the time range (1, 5, 15 minutes live; 1 h to 7 days recorded), Pause charts (live
// ranges: freezes what the charts show while the store keeps collecting), pan earlier or later, Back to live
// when zoomed, and export of the window shown. Under them, what is shown and how it is recorded. The controls
// are memoised apart from that line: the line may change every tick (the sample count), the controls do not.
import { memo } from 'react';
import { Button, ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { statsRanges } from '../../stats/history/time-window';

export interface StatsToolbarProps {
  rangeSeconds: number;
  onRangeChange: (seconds: number) => void;
  /** Absent: the range cannot be paused (recorded ranges move once per store step, not every second). */
  paused?: boolean;
  onPausedChange: (paused: boolean) => void;
  zoomed: boolean;
  onResetZoom: () => void;
  onPan: (direction: -1 | 1) => void;
  /** Later is pointless while the window ends now. */
  canPanLater: boolean;
  onExport: ((format: 'csv' | 'json') => void) | null;
  exporting: boolean;
  /** A short line beside the controls, e.g. "Live · every 1 s" or "Paused at 12:03:04". */
  status: string;
  /** "Recorded always · cgroup files"; null while unknown. */
  recording: string | null;
  /** "1 s steps · 900 samples · no gaps". */
  coverage: string | null;
}

type ControlProps = Omit<StatsToolbarProps, 'status' | 'recording' | 'coverage'>;

export function StatsToolbar({ status, recording, coverage, ...controls }: StatsToolbarProps) {
  return (
    <div className="stats-toolbar-block">
      <ToolbarControls {...controls} />
      <p className="stats-status-line muted">
        <span className="stats-status" role="status">
          {status}
        </span>
        {controls.zoomed && (
          <Button className="link-button" onPress={controls.onResetZoom}>
            Back to live
          </Button>
        )}
        {recording && <span className="stats-recording">{recording}</span>}
        {coverage && <span className="stats-coverage">{coverage}</span>}
      </p>
    </div>
  );
}

const ToolbarControls = memo(function ToolbarControls(props: ControlProps) {
  const { rangeSeconds, onRangeChange, paused, onPausedChange, zoomed } = props;
  return (
    <div className="stats-toolbar">
      <ToggleButtonGroup
        aria-label="Time range"
        className="segmented"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={zoomed ? [] : [String(rangeSeconds)]}
        onSelectionChange={(keys: Set<Key>) => {
          const [key] = keys;
          if (key !== undefined) onRangeChange(Number(key));
        }}
      >
        {statsRanges.map((range) => (
          <ToggleButton key={range.seconds} id={String(range.seconds)} className="segmented-button">
            {range.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {paused !== undefined && !zoomed && (
        <ToggleButton className="button button-secondary pause-button" isSelected={paused} onChange={onPausedChange}>
          <span className="pause-icon" aria-hidden="true">
            ❚❚
          </span>
          Pause charts
        </ToggleButton>
      )}
      <span className="stats-pan" role="group" aria-label="Pan">
        <Button className="button button-secondary" onPress={() => props.onPan(-1)} aria-label="Earlier">
          ← Earlier
        </Button>
        <Button
          className="button button-secondary"
          onPress={() => props.onPan(1)}
          isDisabled={!props.canPanLater}
          aria-label="Later"
        >
          Later →
        </Button>
      </span>
      {zoomed && (
        <Button className="button button-secondary" onPress={props.onResetZoom}>
          Reset zoom
        </Button>
      )}
      {props.onExport && (
        <span className="stats-export" role="group" aria-label="Export">
          <Button
            className="button button-secondary"
            isDisabled={props.exporting}
            onPress={() => props.onExport?.('csv')}
          >
            Export CSV
          </Button>
          <Button
            className="button button-secondary"
            isDisabled={props.exporting}
            onPress={() => props.onExport?.('json')}
          >
            Export JSON
          </Button>
        </span>
      )}
    </div>
  );
});
