import { absolute, type Region } from './regions';
import type { BranchPrefix } from './security';

/** Request headers that mean something to OVH; everything else (cookies, Origin…) stays here. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'content-type',
  'x-pagination-cursor',
  'x-pagination-size',
  'accept-language',
];

/** Response headers the explorer needs (DESIGN.md): type, request id, pagination, rate limiting. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'x-ovh-queryid',
  'retry-after',
  'x-pagination-cursor-next',
];

export type UpstreamCall = {
  region: Region;
  origin: string;
  branch: BranchPrefix;
  /** percent-encoded path after the branch, already checked */
  path: string;
  search: string;
  method: string;
  headers: Headers;
  body: ArrayBuffer | undefined;
  accessToken: string | undefined;
  timeoutMs: number;
};

export type UpstreamFailure = { status: 502 | 504; error: string; message: string };

export async function callUpstream(call: UpstreamCall): Promise<Response | UpstreamFailure> {
  const base = absolute(call.region.apiBase, call.origin);
  const url = new URL(`${base}/${call.branch}${call.path}${call.search}`);
  // Defence in depth: whatever the path, the call stays on the region's host and branch.
  const expected = new URL(`${base}/${call.branch}/`);
  if (url.origin !== expected.origin || !url.pathname.startsWith(expected.pathname)) {
    return { status: 502, error: 'invalid_upstream_url', message: 'The call would leave the region API.' };
  }
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = call.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (call.accessToken) headers.set('Authorization', `Bearer ${call.accessToken}`);

  let response: Response;
  try {
    response = await call.region.fetch(
      new Request(url, {
        method: call.method,
        headers,
        body: call.body,
        signal: AbortSignal.timeout(call.timeoutMs),
        redirect: 'manual',
      }),
    );
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return timedOut
      ? {
          status: 504,
          error: 'upstream_timeout',
          message: `${call.region.label} did not answer within ${call.timeoutMs / 1000} s.`,
        }
      : { status: 502, error: 'upstream_unreachable', message: `${call.region.label} could not be reached.` };
  }

  const out = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) out.set(name, value);
  }
  for (const [name, value] of response.headers) {
    if (name.startsWith('x-pagination-')) out.set(name, value);
  }
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: out,
  });
}
