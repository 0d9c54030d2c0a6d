import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Branch } from '../domain/catalog/types';

/**
 * What the address bar holds (DESIGN.md "Deep links"): region, branch, section, the open operation, action
 * or resource type, the search and its filters. Never a secret: credentials go to the server in a POST body
 * and nowhere else.
 */
export type AppLocation = {
  /** the explorer (default), the paste-a-403 page, or the policy simulator */
  page: '' | 'diagnose' | 'simulator';
  region: string;
  branch: Branch;
  section: string;
  op: string;
  /** an IAM action or pattern whose page is open */
  action: string;
  /** a resource type whose page is open */
  type: string;
  q: string;
  hideDeprecated: boolean;
  noIam: boolean;
};

export const DEFAULT_REGION = 'sandbox';

export function parseLocation(search: string): AppLocation {
  const params = new URLSearchParams(search);
  const page = params.get('page');
  return {
    page: page === 'diagnose' || page === 'simulator' ? page : '',
    region: params.get('region') || DEFAULT_REGION,
    branch: params.get('branch') === 'v2' ? 'v2' : 'v1',
    section: params.get('section') ?? '',
    op: params.get('op') ?? '',
    action: params.get('action') ?? '',
    type: params.get('type') ?? '',
    q: params.get('q') ?? '',
    hideDeprecated: params.get('deprecated') === 'hide',
    noIam: params.get('iam') === 'none',
  };
}

export function formatLocation(location: AppLocation): string {
  const params = new URLSearchParams();
  if (location.page) params.set('page', location.page);
  if (location.region !== DEFAULT_REGION) params.set('region', location.region);
  if (location.branch !== 'v1') params.set('branch', location.branch);
  if (location.section) params.set('section', location.section);
  if (location.op) params.set('op', location.op);
  else if (location.action) params.set('action', location.action);
  else if (location.type) params.set('type', location.type);
  if (location.q) params.set('q', location.q);
  if (location.hideDeprecated) params.set('deprecated', 'hide');
  if (location.noIam) params.set('iam', 'none');
  const search = params.toString();
  return search ? `?${search}` : window.location.pathname;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

const getSearch = () => window.location.search;

/** The location, kept in the URL; `replace` for keystrokes, push for navigation, so Back works as expected. */
export function useAppLocation(): [
  AppLocation,
  (change: Partial<AppLocation> | string, options?: { replace?: boolean }) => void,
] {
  const search = useSyncExternalStore(subscribe, getSearch, getSearch);
  // One object per address: memos that depend on the location hold until it changes.
  const location = useMemo(() => parseLocation(search), [search]);
  const navigate = useCallback(
    (change: Partial<AppLocation> | string, options: { replace?: boolean } = {}) => {
      const next =
        typeof change === 'string'
          ? change
          : formatLocation({ ...parseLocation(window.location.search), ...change });
      if (options.replace) window.history.replaceState(null, '', next);
      else window.history.pushState(null, '', next);
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    [],
  );
  return [location, navigate];
}
