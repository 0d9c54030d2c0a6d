import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { Sandbox } from '../sandbox/sandbox';

/** OVHcloud EU, as the backend sees it (OVH.md, "Regions"). */
export const EU = {
  api: 'https://eu.api.ovh.com',
  token: 'https://www.ovh.com/auth/oauth2/token',
};

/**
 * OVHcloud EU answered by a sandbox: the mock speaks real OVH (token endpoint, schemas, IAM, error bodies)
 * because it is the same simulator the app ships.
 */
export function euFromSandbox(sandbox: Pick<Sandbox, 'fetch'>): HttpHandler[] {
  const forward = (request: Request, path: string) =>
    sandbox.fetch(
      new Request(`http://sandbox.test${path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        duplex: 'half',
      } as RequestInit),
    );
  return [
    http.post(EU.token, ({ request }) => forward(request, '/auth/oauth2/token')),
    http.all(`${EU.api}/*`, ({ request }) => {
      const url = new URL(request.url);
      return forward(request, `${url.pathname}${url.search}`);
    }),
  ];
}

/** Named failure scenarios, to `server.use(...)` on top of the sandbox-backed handlers. */
export const scenarios = {
  /** the API host refuses connections */
  apiDown: () => http.all(`${EU.api}/*`, () => HttpResponse.error()),
  /** the token endpoint refuses connections */
  tokenEndpointDown: () => http.post(EU.token, () => HttpResponse.error()),
  /** OVH's token endpoint under load: an HTML 500 (OVH.md) */
  tokenEndpointHtml500: () =>
    http.post(
      EU.token,
      () =>
        new HttpResponse('<html><body><h1>500 Internal Server Error</h1></body></html>', {
          status: 500,
          headers: { 'Content-Type': 'text/html' },
        }),
    ),
  /** rate limited, with the delay to wait */
  rateLimited: (retryAfterSeconds = 30) =>
    http.all(`${EU.api}/*`, () =>
      HttpResponse.json(
        { class: 'Client::TooManyRequests', message: 'Too many requests, retry later' },
        {
          status: 429,
          headers: { 'Retry-After': String(retryAfterSeconds), 'X-Ovh-QueryID': 'EU.ext-1.mock.429' },
        },
      ),
    ),
  /** the upstream takes this long to answer */
  slow: (ms: number) =>
    http.all(`${EU.api}/*`, async () => {
      await delay(ms);
      return HttpResponse.json([]);
    }),
  /** the token was revoked upstream: the next authenticated call answers 401 once */
  tokenRevokedOnce: () =>
    http.all(
      `${EU.api}/*`,
      () =>
        HttpResponse.json(
          { class: 'Client::Unauthorized', message: 'This credential is not valid' },
          { status: 401 },
        ),
      { once: true },
    ),
};
