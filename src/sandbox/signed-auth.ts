import { accountIdentityUrn } from '../domain/urn/urn';
import { matchesPattern } from '../domain/iam/pattern';
import type { Caller } from './call-context';
import { ovhError } from './responses';
import type { SandboxState } from './state';

/**
 * OVH's original authentication: application key and secret plus a consumer key, each request signed
 * (`X-Ovh-Application`, `X-Ovh-Consumer`, `X-Ovh-Timestamp`, `X-Ovh-Signature`), as python-ovh, node-ovh
 * and go-ovh do it. Such a credential acts as the account itself (method "account"), restricted to its
 * access rules. It is how the account owner reaches the sandbox.
 */
export type OvhApplication = {
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
  account: string;
  description: string;
  /** routes the consumer key may call, e.g. `{ "method": "GET", "path": "/*" }` */
  accessRules: { method: string; path: string }[];
};

const MAX_CLOCK_SKEW_S = 300;

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `$1$` + SHA1(AS+CK+METHOD+URL+BODY+TIMESTAMP joined by '+'), OVH's signature scheme. */
export async function ovhSignature(
  secret: string,
  consumerKey: string,
  method: string,
  url: string,
  body: string,
  timestamp: string,
): Promise<string> {
  return `$1$${await sha1Hex([secret, consumerKey, method, url, body, timestamp].join('+'))}`;
}

export function usesSignedAuth(request: Request): boolean {
  return request.headers.has('x-ovh-application');
}

export async function authenticateSigned(
  request: Request,
  bodyText: string,
  state: SandboxState,
  nowMs: number,
): Promise<Caller | Response> {
  const applicationKey = request.headers.get('x-ovh-application') ?? '';
  const consumerKey = request.headers.get('x-ovh-consumer');
  const timestamp = request.headers.get('x-ovh-timestamp');
  const signature = request.headers.get('x-ovh-signature');
  const application = [...state.applications.values()].find((app) => app.applicationKey === applicationKey);
  if (!application) return ovhError(403, 'Client::Forbidden::InvalidKey', 'Invalid application key');
  if (!consumerKey || !timestamp || !signature)
    return ovhError(401, 'Client::Unauthorized', 'You must login first');
  const credential = state.applications.get(consumerKey);
  if (!credential || credential.applicationKey !== applicationKey) {
    return ovhError(403, 'Client::Forbidden::InvalidCredential', 'This credential is not valid');
  }
  if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) - nowMs / 1000) > MAX_CLOCK_SKEW_S) {
    return ovhError(400, 'Client::BadRequest::QueryTimeDelta', 'Query out of time');
  }
  // Clients sign the URL as they wrote it; behind a non-standard port some (node-ovh) leave the port out.
  const withoutPort = new URL(request.url);
  withoutPort.port = '';
  const candidates = [...new Set([request.url, withoutPort.toString()])];
  const expected = await Promise.all(
    candidates.map((url) =>
      ovhSignature(credential.applicationSecret, consumerKey, request.method, url, bodyText, timestamp),
    ),
  );
  if (!expected.includes(signature))
    return ovhError(400, 'Client::BadRequest::InvalidSignature', 'Invalid signature');
  return {
    account: credential.account,
    identities: [accountIdentityUrn(state.plate, credential.account)],
    method: 'account',
    description: credential.description,
    token: consumerKey,
    accessRules: credential.accessRules,
  };
}

/** Whether a consumer key's access rules let it call this method and path (a `*` matches any rest). */
export function routeAllowed(
  rules: readonly { method: string; path: string }[],
  method: string,
  path: string,
): boolean {
  return rules.some((rule) => rule.method.toUpperCase() === method && matchesPattern(rule.path, path));
}
