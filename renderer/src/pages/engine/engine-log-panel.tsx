// The live engine log: the recent lines, then each new one as the engine writes it. It follows the end
// unless the user scrolled up to read; "Follow" brings it back to the end.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useEngineLog } from './use-engine-log';

/** Within this many pixels of the end counts as "at the end": fractional scroll positions are common. */
const stickPx = 24;

export function EngineLogPanel({ id, name }: { id: string; name: string }) {
  const log = useEngineLog(id);
  const titleId = useId();
  const box = useRef<HTMLPreElement>(null);
  const [following, setFollowing] = useState(true);

  useLayoutEffect(() => {
    if (following && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [log.lines, following]);

  return (
    <section className="engine-subsection" aria-labelledby={titleId}>
      <div className="engine-subsection-header">
        <h3 id={titleId}>Engine log</h3>
        {!following && (
          <Button className="button button-small" onPress={() => setFollowing(true)}>
            Follow
          </Button>
        )}
      </div>
      {log.error && <p className="field-problem">Could not read the log: {log.error}</p>}
      {/* role=log without live announcements: a starting dockerd writes dozens of lines a second. */}
      <pre
        ref={box}
        role="log"
        aria-live="off"
        aria-label={`Log of ${name}`}
        tabIndex={0}
        className="engine-log mono"
        onScroll={(event) => {
          const el = event.currentTarget;
          const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < stickPx;
          if (atEnd !== following) setFollowing(atEnd);
        }}
      >
        {log.lines.length > 0 ? log.lines.join('\n') : log.loaded ? 'No log lines yet.' : 'Loading…'}
      </pre>
    </section>
  );
}
