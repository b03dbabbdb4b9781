// A process's output as a log (a build, an engine install, a compose command): text in a scrolling box that
// follows the end while the user has not scrolled up to read something.
import { useEffect, useRef, type ReactNode } from 'react';
import '../styles/following-log.css';

export function FollowingLog({
  text,
  busy,
  label,
  placeholder,
  className,
  children,
}: {
  text: string;
  busy: boolean;
  /** The log's accessible name ("Build output"). */
  label: string;
  /** Shown while busy and nothing has been said yet. */
  placeholder: string;
  /** The box's size, which differs by place. */
  className: string;
  /** Shown instead of `text` when the output is marked up (compose's stderr and Berth's own lines apart). */
  children?: ReactNode;
}) {
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
