// The build's output as a log: plain text in a scrolling box that follows the end while the user has not
// scrolled up to read something.
import { useEffect, useRef } from 'react';

export function BuildOutput({ text, busy }: { text: string; busy: boolean }) {
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
      aria-label="Build output"
      aria-busy={busy}
      tabIndex={0}
      className="build-output mono"
      onScroll={(event) => {
        const element = event.currentTarget;
        following.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
      }}
    >
      {text || (busy ? 'Starting the build…' : '')}
    </pre>
  );
}
