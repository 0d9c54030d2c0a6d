import { matchesPattern } from '../domain/iam/pattern';
import { json } from './responses';

/**
 * Fault injection, for tests and demos; off unless configured (flags, OVH_SANDBOX_FAULTS, or the admin
 * endpoint when it is enabled). A rule matches a route and answers an error, adds latency, or both.
 */
export type FaultRule = {
  /** `[METHOD ]PATH`, PATH as requested below the sandbox's mount, `*` at either end: `GET /1.0/me`, `/1.0/vps/*`, `*` */
  route: string;
  /** answer this status instead of the real answer */
  status?: number;
  /** wait this long first */
  latencyMs?: number;
  /** probability in [0, 1] that the rule applies to a matching request; 1 by default */
  rate?: number;
  /** seconds announced in Retry-After (429 and 503) */
  retryAfter?: number;
};

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

const METHOD = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+/i;

function matches(rule: FaultRule, method: string, path: string): boolean {
  const methodMatch = METHOD.exec(rule.route);
  if (methodMatch?.[1] && methodMatch[1].toUpperCase() !== method) return false;
  const pattern = methodMatch ? rule.route.slice(methodMatch[0].length).trim() : rule.route.trim();
  return matchesPattern(pattern, path);
}

export function findFault(
  rules: readonly FaultRule[],
  method: string,
  path: string,
  random: () => number = Math.random,
): FaultRule | undefined {
  return rules.find((rule) => matches(rule, method, path) && random() < (rule.rate ?? 1));
}

const OVH_ERRORS: Record<number, [string, string]> = {
  400: ['Client::BadRequest', 'Bad request'],
  401: ['Client::Unauthorized', 'You must login first'],
  403: ['Client::Forbidden', 'Forbidden'],
  404: ['Client::NotFound', 'This service does not exist'],
  409: ['Client::Conflict', 'Conflict'],
  429: ['Client::TooManyRequests', 'Too many requests, retry later'],
  460: ['Client::Gone::ServiceExpired', 'This service is expired'],
  500: ['Server::InternalServerError', 'Internal server error'],
  502: ['Server::BadGateway', 'Bad gateway'],
  503: ['Server::ServiceUnavailable', 'Service unavailable, retry later'],
  504: ['Server::GatewayTimeout', 'Gateway timeout'],
};

/** The injected answer: OVH's error body, or the HTML page OVH's token endpoint gives under load (OVH.md). */
export function faultResponse(rule: FaultRule & { status: number }, path: string): Response {
  const headers: Record<string, string> = {};
  if (rule.retryAfter !== undefined || rule.status === 429)
    headers['Retry-After'] = String(rule.retryAfter ?? 1);
  if (path.startsWith('/auth/oauth2/')) {
    return new Response(
      `<html><head><title>${rule.status}</title></head><body><h1>${rule.status} Service error</h1></body></html>`,
      {
        status: rule.status,
        headers: { 'Content-Type': 'text/html', ...headers },
      },
    );
  }
  const [errorClass, message] = OVH_ERRORS[rule.status] ?? [
    rule.status >= 500 ? 'Server::Error' : 'Client::Error',
    `Injected error ${rule.status}`,
  ];
  return json({ class: errorClass, message }, rule.status, headers);
}

const SPEC_KEYS: Partial<Record<string, 'status' | 'rate' | 'latencyMs' | 'retryAfter'>> = {
  status: 'status',
  rate: 'rate',
  latency: 'latencyMs',
  retryAfter: 'retryAfter',
};

/**
 * Parses a rule from the command line: `ROUTE [status=N] [rate=R] [latency=MS] [retryAfter=S]`,
 * e.g. `GET /1.0/me status=429 retryAfter=30` or `/auth/oauth2/token status=503`.
 */
export function parseFaultSpec(spec: string): FaultRule {
  const tokens = spec.trim().split(/\s+/);
  const routeTokens: string[] = [];
  const rule: FaultRule = { route: '' };
  for (const token of tokens) {
    const [key, value] = token.split('=', 2);
    if (value === undefined) {
      routeTokens.push(token);
      continue;
    }
    const field = key === undefined ? undefined : SPEC_KEYS[key];
    if (!field)
      throw new FaultSpecError(`fault "${spec}": unknown key ${key} (use status, rate, latency, retryAfter)`);
    const number = Number(value);
    if (!Number.isFinite(number)) throw new FaultSpecError(`fault "${spec}": ${key} must be a number`);
    rule[field] = number;
  }
  rule.route = routeTokens.join(' ');
  return validateFault(rule);
}

export function validateFault(raw: unknown): FaultRule {
  if (typeof raw !== 'object' || raw === null) throw new FaultSpecError('a fault rule is an object');
  const rule = raw as Record<string, unknown>;
  if (typeof rule.route !== 'string' || !rule.route.trim())
    throw new FaultSpecError('a fault rule needs a route, e.g. "GET /1.0/me" or "*"');
  if (
    rule.status !== undefined &&
    (typeof rule.status !== 'number' ||
      !Number.isInteger(rule.status) ||
      rule.status < 400 ||
      rule.status > 599)
  ) {
    throw new FaultSpecError('status must be an HTTP error status (400-599)');
  }
  if (rule.rate !== undefined && (typeof rule.rate !== 'number' || rule.rate < 0 || rule.rate > 1))
    throw new FaultSpecError('rate must be between 0 and 1');
  if (
    rule.latencyMs !== undefined &&
    (typeof rule.latencyMs !== 'number' || rule.latencyMs < 0 || rule.latencyMs > 120_000)
  ) {
    throw new FaultSpecError('latencyMs must be between 0 and 120000');
  }
  if (rule.status === undefined && rule.latencyMs === undefined)
    throw new FaultSpecError('a fault rule needs a status, a latency, or both');
  return {
    route: rule.route.trim(),
    ...(rule.status !== undefined ? { status: rule.status as number } : {}),
    ...(rule.latencyMs !== undefined ? { latencyMs: rule.latencyMs as number } : {}),
    ...(rule.rate !== undefined ? { rate: rule.rate as number } : {}),
    ...(rule.retryAfter !== undefined ? { retryAfter: Number(rule.retryAfter) } : {}),
  };
}

/** `OVH_SANDBOX_FAULTS`: a JSON list of rules, e.g. `[{"route":"GET /1.0/me","status":429,"retryAfter":30}]`. */
export function faultsFromEnv(value: string | undefined): FaultRule[] {
  if (!value) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new FaultSpecError('OVH_SANDBOX_FAULTS must be a JSON list of fault rules');
  }
  if (!Array.isArray(parsed))
    throw new FaultSpecError('OVH_SANDBOX_FAULTS must be a JSON list of fault rules');
  return parsed.map(validateFault);
}
