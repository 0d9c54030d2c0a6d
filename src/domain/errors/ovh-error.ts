/**
 * OVH error bodies (OVH.md, "Errors"): `{"class":"Client::Forbidden","message":"…","details"?:{…}}`, with the
 * request id in the `X-Ovh-QueryID` header.
 */

export type OvhError = {
  class: string;
  message: string;
  details?: Record<string, string>;
};

export function parseOvhError(body: unknown): OvhError | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.message !== 'string') return undefined;
  const error: OvhError = {
    class: typeof record.class === 'string' ? record.class : '',
    message: record.message,
  };
  if (typeof record.details === 'object' && record.details !== null) {
    error.details = Object.fromEntries(
      Object.entries(record.details).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  }
  return error;
}

export type ForbiddenDetails = {
  message: string;
  /** actions no policy grants this identity */
  byIam: string[];
  /**
   * actions the authentication itself refuses: the token or the API credential's own restrictions
   * (e.g. a credential limited to some routes), whatever the policies say
   */
  byAuthentication: string[];
  /** OVH omitted `details` (older responses do): the missing action must come from the schema */
  detailsMissing: boolean;
};

/**
 * Reads an IAM denial. `details` values are strings and how OVH joins several actions is not documented
 * (OVH.md), so commas, semicolons and whitespace all separate.
 */
export function parseForbidden(body: unknown): ForbiddenDetails | undefined {
  const error = parseOvhError(body);
  if (!error) return undefined;
  const isForbidden = error.class === 'Client::Forbidden' || error.class.endsWith('::Forbidden');
  const byIam = splitActions(error.details?.unauthorizedActionsByIAM);
  const byAuthentication = splitActions(error.details?.unauthorizedActionsByAuthentication);
  if (!isForbidden && byIam.length === 0 && byAuthentication.length === 0) return undefined;
  return {
    message: error.message,
    byIam,
    byAuthentication,
    detailsMissing:
      error.details?.unauthorizedActionsByIAM === undefined &&
      error.details?.unauthorizedActionsByAuthentication === undefined,
  };
}

export function splitActions(value: string | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(/[\s,;]+/).filter(Boolean))];
}
