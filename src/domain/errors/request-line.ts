import type { Branch, HttpMethod } from '../catalog/types';

export type RequestLine = { method: HttpMethod; branch: Branch; path: string; plate?: string };

const HOST_PLATES: [RegExp, string][] = [
  [/(^|\.)eu\.api\.ovh\.com$/, 'eu'],
  [/(^|\.)ca\.api\.ovh\.com$/, 'ca'],
  [/(^|\.)api\.us\.ovhcloud\.com$/, 'us'],
];

/**
 * Reads a request line as support staff paste it: `POST /1.0/vps/vps-5b48d78b.vps.ovh.net/reboot`,
 * `GET https://eu.api.ovh.com/v2/iam/policy`, or just `GET /me` (v1 assumed). The query string is dropped.
 */
export function parseRequestLine(line: string): RequestLine | undefined {
  const match = /^\s*(GET|POST|PUT|DELETE|PATCH)\s+(\S+)/i.exec(line);
  if (!match?.[1] || !match[2]) return undefined;
  const method = match[1].toUpperCase() as HttpMethod;
  let target = match[2];
  let plate: string | undefined;
  if (/^https?:\/\//i.test(target)) {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return undefined;
    }
    plate = HOST_PLATES.find(([pattern]) => pattern.test(url.hostname))?.[1];
    target = url.pathname;
  }
  target = target.split(/[?#]/)[0] ?? '';
  if (!target.startsWith('/')) return undefined;
  const branchMatch = /^\/(1\.0|v1|v2)(\/.*)?$/.exec(target);
  const branch: Branch = branchMatch?.[1] === 'v2' ? 'v2' : 'v1';
  const path = branchMatch ? (branchMatch[2] ?? '/') : target;
  return {
    method,
    branch,
    path: path.length > 1 ? path.replace(/\/+$/, '') : path,
    ...(plate ? { plate } : {}),
  };
}
