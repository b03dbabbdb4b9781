// A process's output as a log (a build, an engine install, a compose command): text in a scrolling box that
// follows the end while the user has not scrolled up to read something.
import { useEffect, useRef, type ReactNode } from 'react';
import '../styles/following-log.css';

interface FollowingLogBase {
  busy: boolean;
  /** The log's accessible name ("Build output"). */
  label: string;
  /** The box's size, which differs by place. */
  className: string;
}

/** Plain output, with a line of its own while busy and nothing has been said yet. */
interface PlainLog extends FollowingLogBase {
  text: string;
  placeholder: string;
  children?: never;
}

/** Marked-up output (compose's stderr and Berth's own lines apart): the caller draws every line. */
interface MarkedUpLog extends FollowingLogBase {
  children: ReactNode;
  text?: never;
  placeholder?: never;
}

export function FollowingLog({ text, busy, label, placeholder, className, children }: PlainLog | MarkedUpLog) {
  const box = useRef<HTMLPreElement>(null);
  const following = useRef(true);
  useEffect(() => {
    const element = box.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [text, children]);
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
      {children ?? (text || (busy ? placeholder : ''))}
    </pre>
  );
}
