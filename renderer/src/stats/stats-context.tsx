// Hands the one stats store to the components that show live stats.
import { createContext, useContext, type ReactNode } from 'react';
import type { StatsStore } from './stats-store';

const StatsContext = createContext<StatsStore | null>(null);

export function StatsProvider({ store, children }: { store: StatsStore; children: ReactNode }) {
  return <StatsContext value={store}>{children}</StatsContext>;
}

export function useStatsStore(): StatsStore {
  const store = useContext(StatsContext);
  if (!store) throw new Error('useStatsStore needs a <StatsProvider> above it');
  return store;
}
