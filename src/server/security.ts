/** The security rules of DESIGN.md that the backend enforces before anything leaves it. */

export type Refusal = { status: number; error: string; message: string };

export const BRANCH_PREFIXES = ['1.0', 'v1', 'v2'] as const;
export type BranchPrefix = (typeof BRANCH_PREFIXES)[number];

/**
 * Checks the path of a proxied call, as it came on the wire (still percent-encoded). Only plain API paths
 * pass: no dot segments, no encoded slashes or backslashes, no empty segments, no control characters,
 * whatever the encoding. A URN with `%2F` in its id is refused too: safety first (DESIGN.md).
 */
export function checkApiPath(rawPath: string): Refusal | undefined {
  const refuse = (message: string): Refusal => ({ status: 400, error: 'invalid_path', message });
  if (!rawPath.startsWith('/')) return refuse('The API path must start with /.');
  if (rawPath.includes('\\')) return refuse('The API path must not contain a backslash.');
  if (/%(2f|5c|00)/i.test(rawPath))
    return refuse('The API path must not contain an encoded slash, backslash or NUL.');
  // Refuse double encodings (%252e…) too: some upstream could decode twice.
  if (/%25/i.test(rawPath)) return refuse('The API path must not contain a double-encoded character.');
  const segments = rawPath.slice(1).split('/');
  for (const [index, segment] of segments.entries()) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refuse('The API path has a malformed percent-encoding.');
    }
    if (decoded === '.' || decoded === '..') return refuse('The API path must not contain . or .. segments.');
    if (segment === '' && index !== segments.length - 1)
      return refuse('The API path must not contain empty segments.');
    if ([...decoded].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
      return refuse('The API path must not contain control characters.');
    }
  }
  return undefined;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * State-changing /api requests must come from the app's own origin (DESIGN.md): the session cookie is
 * SameSite=Strict, and this Origin check stops the rest. Clients that send no Origin (curl, SDKs) are not
 * browsers and cannot ride a user's cookie, so they pass.
 */
export function checkOrigin(
  request: Request,
  ownOrigin: string,
  allowedOrigins: readonly string[],
): Refusal | undefined {
  if (!UNSAFE_METHODS.has(request.method)) return undefined;
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  const allowed = origin === ownOrigin || (origin !== null && allowedOrigins.includes(origin));
  if (
    (origin !== null && !allowed) ||
    ((fetchSite === 'cross-site' || fetchSite === 'same-site') && !allowed)
  ) {
    return {
      status: 403,
      error: 'cross_origin',
      message: 'State-changing requests must come from the explorer itself.',
    };
  }
  return undefined;
}

/**
 * True when a raw request-target (as it came on the wire, before any URL parsing) has `.` or `..` segments,
 * plain or percent-encoded. URL parsers normalise them away, so this is checked before the request reaches
 * the fetch-style handlers, which only ever see the normalised URL.
 */
export function hasDotSegments(rawTarget: string): boolean {
  const path = rawTarget.split(/[?#]/, 1)[0] ?? '';
  return path.split('/').some((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // a malformed escape is not a dot segment; the handler refuses it later
    }
    return decoded === '.' || decoded === '..';
  });
}
