// The Logs tab of a container's page: its output followed live into a bounded buffer and shown in a
// virtualised view, with follow/pause, times, wrapping, since/until, search, copy and download. How the
// stream ended (the exit code, or why it broke) is said under the toolbar.
import '../../../styles/logs.css';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { Button, ToggleButton } from 'react-aria-components';
import { ErrorAlert } from '../../../components/error-alert';
import { LogBuffer } from '../../../logs/log-buffer';
import { useLogFollow, type FollowState, type LogRange } from '../../../logs/use-log-follow';
import type { ContainerTabProps } from '../container-tabs';
import { copyLines, downloadLines } from './log-export';
import { LogView } from './log-view';
import { LogsRange } from './logs-range';
import { LogsSearchBar } from './logs-search-bar';
import { useLogSearch } from './use-log-search';

function statusText(follow: FollowState, running: boolean): string {
  switch (follow.state) {
    case 'opening':
      return 'Opening…';
    case 'live':
      return running ? 'Live' : 'All output so far';
    case 'ended':
      if (follow.end.error) return 'Stopped following';
      return follow.end.exitCode === null ? 'End of the range' : `Container exited with code ${follow.end.exitCode}`;
    case 'failed':
      return 'Could not open the logs';
  }
}

export function LogsTab({ container, gone }: ContainerTabProps) {
  const [buffer] = useState(() => new LogBuffer());
  const version = useSyncExternalStore(buffer.subscribe, buffer.getVersion);
  const [range, setRange] = useState<LogRange>({});
  const { follow, older, fetchOlder, restart } = useLogFollow(container.id, range, buffer);
  const [following, setFollowing] = useState(true);
  const [showTime, setShowTime] = useState(false);
  const [wrap, setWrap] = useState(true);
  const [copied, setCopied] = useState('');
  const search = useLogSearch(buffer, version);

  const onFollowingChange = useCallback(
    (next: boolean) => {
      // The window dropped the newest lines to hold older ones: the live end is reached by reopening.
      if (next && buffer.newerDropped) restart();
      setFollowing(next);
    },
    [buffer, restart],
  );
  const step = (direction: 1 | -1) => {
    setFollowing(false);
    search.step(direction);
  };
  const error =
    follow.state === 'failed'
      ? follow.message
      : follow.state === 'ended' && follow.end.error
        ? follow.end.error.message
        : null;

  return (
    <section className="panel logs-panel" aria-label="Logs">
      <div className="logs-toolbar">
        <ToggleButton
          className="button button-secondary button-small"
          isSelected={following}
          onChange={onFollowingChange}
        >
          {following ? 'Pause' : 'Follow'}
        </ToggleButton>
        <ToggleButton
          className="button button-secondary button-small toggle"
          isSelected={showTime}
          onChange={setShowTime}
        >
          Timestamps
        </ToggleButton>
        <ToggleButton className="button button-secondary button-small toggle" isSelected={wrap} onChange={setWrap}>
          Wrap lines
        </ToggleButton>
        <LogsSearchBar
          query={search.query}
          onQueryChange={search.setQuery}
          count={search.matches.length}
          current={search.index}
          capped={search.capped}
          onStep={step}
        />
        <Button
          className="button button-secondary button-small"
          onPress={() => {
            copyLines(buffer.lines, showTime).then(
              (what) => setCopied(what === 'selection' ? 'Selection copied' : `${buffer.size} lines copied`),
              () => setCopied('The clipboard refused the copy'),
            );
          }}
        >
          Copy
        </Button>
        <Button
          className="button button-secondary button-small"
          isDisabled={buffer.size === 0}
          onPress={() => downloadLines(buffer.lines, showTime, container.name)}
        >
          Download
        </Button>
      </div>
      <div className="logs-subbar">
        <LogsRange
          range={range}
          onApply={(next) => {
            setRange(next);
            setFollowing(true);
          }}
        />
        <span className="logs-status muted" role="status">
          {statusText(follow, container.state === 'running' && !gone)} · {buffer.size.toLocaleString()} lines
          {older.loading ? ' · loading older lines…' : buffer.hasOlder ? '' : ' · from the start'}
          {copied && ` · ${copied}`}
        </span>
      </div>
      {error && <ErrorAlert title="The logs stopped" message={error} />}
      {older.error && <ErrorAlert title="Older lines could not be loaded" message={older.error} />}
      <LogView
        buffer={buffer}
        version={version}
        showTime={showTime}
        wrap={wrap}
        query={search.query}
        current={search.current}
        currentOccurrence={search.occurrence}
        following={following}
        onFollowingChange={onFollowingChange}
        onNearTop={() => void fetchOlder()}
        emptyText={follow.state === 'opening' ? 'Loading…' : 'No output.'}
      />
    </section>
  );
}
