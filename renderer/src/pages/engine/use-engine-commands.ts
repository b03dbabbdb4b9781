// The Engine page's commands on one engine. Their answers (and the `engines:changed` events that follow)
// land in the engine list's cache, so the list, the details and the status bar move together.
import type { QueryClient } from '@tanstack/react-query';
import { useChannelMutation } from '../../data/channel-query';
import { applyEngineViews, enginesKey } from '../../data/event-sync';

const refresh = (_: unknown, queries: QueryClient) => void queries.invalidateQueries({ queryKey: enginesKey });

export function useEngineCommands() {
  return {
    start: useChannelMutation('engines:start', refresh),
    stop: useChannelMutation('engines:stop', refresh),
    restart: useChannelMutation('engines:restart', refresh),
    setActive: useChannelMutation('engines:set-active', (engines, queries) => void applyEngineViews(queries, engines)),
    remove: useChannelMutation('engines:remove', (engines, queries) => void applyEngineViews(queries, engines)),
  };
}
