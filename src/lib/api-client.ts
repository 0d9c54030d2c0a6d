/**
 * The browser's only way to the backend (DESIGN.md "Backend HTTP contract"). No UI side effects here:
 * callers decide what to show. Every failure becomes an ApiError with a message a person can read.
 */

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    /** the backend's `error` code, or `network` when the server could not be reached */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Paths are relative to the page; made absolute for runtimes whose fetch has no base URL (tests). */
function absolute(path: string): string {
  return new URL(path, globalThis.location?.href ?? 'http://localhost/').toString();
}

async function send(path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(absolute(path), {
      credentials: 'same-origin',
      ...init,
      headers: { Accept: 'application/json', ...init?.headers },
    });
  } catch {
    throw new ApiError(0, 'network', "The explorer's server could not be reached. Is it still running?");
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    if (typeof body.message === 'string')
      return new ApiError(
        response.status,
        typeof body.error === 'string' ? body.error : 'error',
        body.message,
      );
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(
    response.status,
    'error',
    `The server answered ${response.status} ${response.statusText}`.trim(),
  );
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await send(path, { signal });
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T | undefined> {
  const response = await send(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await errorFrom(response);
  return response.status === 204 ? undefined : ((await response.json()) as T);
}

/** The raw answer of a proxied OVH call: every status is a result here, not an error. */
export type ProxyResult = {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  /** the body as text, exactly as received */
  text: string;
  /** the body parsed, when it is JSON */
  json?: unknown;
  durationMs: number;
  /** the proxy's own refusals ({error, message}) are told apart from OVH's answers */
  fromProxy: boolean;
};

const SHOWN_HEADERS = ['content-type', 'x-ovh-queryid', 'retry-after', 'x-explorer-auth'];

export async function callProxy(
  url: string,
  init: { method: string; body?: string; headers?: Record<string, string> },
): Promise<ProxyResult> {
  const started = performance.now();
  const response = await send(url, {
    method: init.method,
    body: init.body,
    headers: { ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
  const text = await response.text();
  const durationMs = Math.round(performance.now() - started);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (SHOWN_HEADERS.includes(name) || name.startsWith('x-pagination-')) headers[name] = value;
  });
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const fromProxy =
    typeof json === 'object' &&
    json !== null &&
    'error' in json &&
    !('class' in json) &&
    !headers['x-ovh-queryid'];
  return {
    status: response.status,
    statusText: response.statusText,
    headers,
    text,
    json,
    durationMs,
    fromProxy,
  };
}
