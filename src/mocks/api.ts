import { http, type HttpHandler } from 'msw';

/**
 * `/api/*` and `/sandbox/*` answered by the real backend and its in-process sandbox, for component tests:
 * the SPA talks to exactly what it talks to in production. MSW does not keep cookies across requests, so
 * this keeps the session cookie like a browser would.
 */
export function apiFromBackend(
  fetchHandler: (request: Request) => Response | Promise<Response>,
): HttpHandler[] {
  let cookie = '';
  const forward = async (request: Request) => {
    const headers = new Headers(request.headers);
    if (cookie) headers.set('Cookie', cookie);
    const body =
      request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    const response = await fetchHandler(new Request(request.url, { method: request.method, headers, body }));
    const setCookie = response.headers.get('set-cookie');
    if (setCookie)
      cookie = /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(setCookie) ? '' : (setCookie.split(';')[0] ?? '');
    return response;
  };
  return [
    http.all('*/api/*', ({ request }) => forward(request)),
    http.all('*/sandbox/*', ({ request }) => forward(request)),
  ];
}
