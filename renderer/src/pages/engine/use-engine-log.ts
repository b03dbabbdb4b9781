// The log panel's lines for one engine, from a LogFeed that lives as long as the panel shows that engine (the
// panel is keyed by engine id, so another engine starts from an empty log).
import { useEffect, useState } from 'react';
import { useBerthClient } from '../../data/client-context';
import { createLogFeed, emptyLog, type LogFeedState } from './log-feed';

export function useEngineLog(id: string): LogFeedState {
  const client = useBerthClient();
  const [state, setState] = useState<LogFeedState>(emptyLog);
  useEffect(() => {
    const feed = createLogFeed(client, id);
    const unsubscribe = feed.subscribe(() => setState(feed.get()));
    return () => {
      unsubscribe();
      feed.stop();
    };
  }, [client, id]);
  return state;
}
