// Hands the one BerthClient to the components that talk to the core.
import { createContext, useContext, type ReactNode } from 'react';
import type { BerthClient } from '../ipc/berth-client';

const ClientContext = createContext<BerthClient | null>(null);

export function ClientProvider({ client, children }: { client: BerthClient; children: ReactNode }) {
  return <ClientContext value={client}>{children}</ClientContext>;
}

export function useBerthClient(): BerthClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useBerthClient needs a <ClientProvider> above it');
  return client;
}
