import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Providers } from '../app/providers';
import { createQueryClient } from '../lib/query-client';

/** Renders with a fresh query client, as the app provides one. */
export function renderWithProviders(ui: ReactElement) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  return render(<Providers client={client}>{ui}</Providers>);
}
