// A process's output as a log (a build, an engine install): plain text in a scrolling box that follows the end
// while the user has not scrolled up to read something.
import { useEffect, useRef } from 'react';
import '../styles/following-log.css';

export function FollowingLog({
  text,
  busy,
  label,
  placeholder,
  className,
}: {
  text: string;
  busy: boolean;
  /** The log's accessible name ("Build output"). */
  label: string;
  /** Shown while busy and nothing has been said yet. */
  placeholder: string;
  /** The box's size, which differs by place. */
  className: string;
}) {
  const box = useRef<HTMLPreElement>(null);
  const following = useRef(true);
  useEffect(() => {
    const element = box.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [text]);
  return (
    <pre
      ref={box}
      role="log"
      aria-label={label}
      aria-busy={busy}
      tabIndex={0}
      className={`following-log mono ${className}`}
      onScroll={(event) => {
        const element = event.currentTarget;
        following.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
      }}
    >
      {text || (busy ? placeholder : '')}
    </pre>
  );
}
