/** OVH's wire forms for answers and errors (OVH.md, "Errors"). */

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? 'null' : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export function ovhError(
  status: number,
  errorClass: string,
  message: string,
  details?: Record<string, string>,
): Response {
  return json({ class: errorClass, message, ...(details ? { details } : {}) }, status);
}

export const notFound = (message = 'This service does not exist') =>
  ovhError(404, 'Client::NotFound', message);
export const badRequest = (message: string) => ovhError(400, 'Client::BadRequest', message);
export const conflict = (message: string) => ovhError(409, 'Client::Conflict::AlreadyExists', message);

/** The 403 of an IAM denial, exactly as OVH sends it. How OVH joins several actions is undocumented: we use a comma. */
export function forbidden(byIam: string[], byAuthentication: string[] = []): Response {
  return ovhError(403, 'Client::Forbidden', 'User not granted for this request', {
    unauthorizedActionsByAuthentication: byAuthentication.join(','),
    unauthorizedActionsByIAM: byIam.join(','),
  });
}

/** OVH's request id header: present on every answer so that support can trace a call. */
export function queryId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `SB.ext-1.${hex.slice(0, 8)}.${Date.now().toString(36)}.${hex.slice(8)}`;
}
