import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { CatalogClient } from '../features/catalog/catalog-client';
import { CatalogClientProvider } from '../features/catalog/catalog-context';
import { createQueryClient } from '../lib/query-client';

type Props = { children: ReactNode; client?: QueryClient; catalogClient?: CatalogClient };

export function Providers({ children, client, catalogClient }: Props) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <CatalogClientProvider client={catalogClient}>{children}</CatalogClientProvider>
    </QueryClientProvider>
  );
}
