/** Errors keep the HTTP status, so that callers can tell a 4xx (final) from a 5xx (worth a retry). */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** GET a JSON document through the explorer's backend (works in the page and in a worker). */
export async function fetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(new URL(url, globalThis.location?.href ?? 'http://localhost/'), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new FetchError("the explorer's server could not be reached");
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new FetchError(`${response.status}: the answer is not JSON`, response.status);
  }
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new FetchError(
      `${response.status}${typeof message === 'string' ? `: ${message}` : ''}`,
      response.status,
    );
  }
  return body;
}
