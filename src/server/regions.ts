/**
 * The regions the backend may reach (OVH.md, "Regions"). The proxy only ever calls these hosts.
 * A region's fetch is the network for OVHcloud, or the in-process sandbox handler.
 */

export type RegionId = 'sandbox' | 'eu' | 'ca' | 'us';

export type Region = {
  id: RegionId;
  label: string;
  /** URN plate of the region's identities and resources */
  plate: string;
  /** API root; the branch prefix (`/1.0`, `/v1`, `/v2`) is appended. Relative for the in-process sandbox. */
  apiBase: string;
  tokenUrl: string;
  fetch: (request: Request) => Promise<Response>;
  demoAccounts?: DemoAccount[];
};

/** Sandbox-only demo credentials, offered by the sign-in form's "Use demo account" (they are in the README). */
export type DemoAccount = { clientId: string; clientSecret: string; label: string; description: string };

export type PublicRegion = Pick<Region, 'id' | 'label' | 'apiBase' | 'tokenUrl'> & {
  demoAccounts?: DemoAccount[];
};

const network = (request: Request) => globalThis.fetch(request);

const OVH_REGIONS: Omit<Region, 'fetch'>[] = [
  {
    id: 'eu',
    label: 'OVHcloud Europe',
    plate: 'eu',
    apiBase: 'https://eu.api.ovh.com',
    tokenUrl: 'https://www.ovh.com/auth/oauth2/token',
  },
  {
    id: 'ca',
    label: 'OVHcloud Canada',
    plate: 'ca',
    apiBase: 'https://ca.api.ovh.com',
    tokenUrl: 'https://ca.ovh.com/auth/oauth2/token',
  },
  {
    id: 'us',
    label: 'OVHcloud US',
    plate: 'us',
    apiBase: 'https://api.us.ovhcloud.com',
    tokenUrl: 'https://us.ovhcloud.com/auth/oauth2/token',
  },
];

export type RegionOptions = {
  /** the in-process sandbox and where it is mounted in this server (e.g. `/sandbox`) */
  sandbox?: {
    fetch: (request: Request) => Promise<Response>;
    mountPath: string;
    plate: string;
    demoAccounts?: DemoAccount[];
  };
  /** `OVH_EU_API_BASE`, `OVH_EU_TOKEN_URL`… point a region elsewhere (a standalone sandbox, a test double) */
  env?: Record<string, string | undefined>;
};

export function createRegions(options: RegionOptions = {}): Region[] {
  const regions: Region[] = [];
  if (options.sandbox) {
    const { fetch, mountPath, plate, demoAccounts } = options.sandbox;
    regions.push({
      ...(demoAccounts ? { demoAccounts } : {}),
      id: 'sandbox',
      label: 'Sandbox (built-in OVHcloud simulator)',
      plate,
      apiBase: mountPath,
      tokenUrl: `${mountPath}/auth/oauth2/token`,
      fetch,
    });
  }
  for (const region of OVH_REGIONS) {
    const key = region.id.toUpperCase();
    const apiBase = options.env?.[`OVH_${key}_API_BASE`] ?? region.apiBase;
    const tokenUrl = options.env?.[`OVH_${key}_TOKEN_URL`] ?? region.tokenUrl;
    regions.push({ ...region, apiBase: apiBase.replace(/\/+$/, ''), tokenUrl, fetch: network });
  }
  return regions;
}

/** Resolves a region URL that may be relative (the in-process sandbox) against the request's origin. */
export function absolute(url: string, origin: string): string {
  return new URL(url, origin).toString().replace(/\/+$/, '');
}
