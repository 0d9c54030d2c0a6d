import { createContext, useContext, useState, type ReactNode } from 'react';
import { createCatalogClient, type CatalogClient } from './catalog-client';

const CatalogClientContext = createContext<CatalogClient | null>(null);

/** One catalogue engine (one worker) for the whole page. */
export function CatalogClientProvider({ children, client }: { children: ReactNode; client?: CatalogClient }) {
  // One client for the page's lifetime: the worker is not torn down with a re-render or StrictMode's
  // rehearsal unmount.
  const [instance] = useState(() => client ?? createCatalogClient());
  return <CatalogClientContext.Provider value={instance}>{children}</CatalogClientContext.Provider>;
}

export function useCatalogClient(): CatalogClient {
  const client = useContext(CatalogClientContext);
  if (!client) throw new Error('useCatalogClient needs a CatalogClientProvider');
  return client;
}
