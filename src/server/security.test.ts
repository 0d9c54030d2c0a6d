import { describe, expect, it } from 'vitest';
import { checkApiPath, checkOrigin, hasDotSegments } from './security';

describe('checkApiPath', () => {
  it.each([
    '/hosting/web',
    '/hosting/web/xxxxxxx.cluster001.hosting.ovh.net',
    '/iam/resource/urn:v1:eu:resource:vps:a',
    '/iam/resource/urn%3Av1%3Aeu%3Aresource%3Avps%3Aa',
    '/',
  ])('lets %s through', (path) => {
    expect(checkApiPath(path)).toBeUndefined();
  });

  it.each([
    'hosting',
    '/hosting/../me',
    '/hosting/%2e%2e/me',
    '/hosting/%2E./me',
    '/hosting/./web',
    '/hosting%2fweb',
    '/hosting%5cweb',
    '/hosting\\web',
    '/hosting/%252e%252e',
    '//evil.example/x',
    '/a%00b',
    '/a%0d%0aSet-Cookie:x',
    '/a%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(checkApiPath(path)).toMatchObject({ status: 400, error: 'invalid_path' });
  });
});

describe('hasDotSegments', () => {
  it('finds plain and encoded dot segments in a raw request-target, ignoring the query', () => {
    expect(hasDotSegments('/api/ovh/eu/1.0/hosting/../me')).toBe(true);
    expect(hasDotSegments('/api/ovh/eu/1.0/hosting/%2E%2e/me')).toBe(true);
    expect(hasDotSegments('/api/ovh/eu/1.0/./me')).toBe(true);
    expect(hasDotSegments('/api/ovh/eu/1.0/me?x=../..')).toBe(false);
    expect(hasDotSegments('/api/ovh/eu/1.0/hosting/web/a..b')).toBe(false);
  });
});

describe('checkOrigin', () => {
  const post = (headers: Record<string, string>) =>
    new Request('http://explorer.test/api/session', { method: 'POST', headers });

  it('lets same-origin and Origin-less writes through, and any read', () => {
    expect(checkOrigin(post({ Origin: 'http://explorer.test' }), 'http://explorer.test', [])).toBeUndefined();
    expect(checkOrigin(post({}), 'http://explorer.test', [])).toBeUndefined();
    expect(
      checkOrigin(
        new Request('http://explorer.test/api/session', { headers: { Origin: 'https://evil.example' } }),
        'http://explorer.test',
        [],
      ),
    ).toBeUndefined();
  });

  it('refuses writes from another origin, or that the browser says are cross-site', () => {
    expect(checkOrigin(post({ Origin: 'https://evil.example' }), 'http://explorer.test', [])).toMatchObject({
      status: 403,
    });
    expect(checkOrigin(post({ Origin: 'null' }), 'http://explorer.test', [])).toMatchObject({ status: 403 });
    expect(checkOrigin(post({ 'Sec-Fetch-Site': 'cross-site' }), 'http://explorer.test', [])).toMatchObject({
      status: 403,
    });
  });

  it('accepts configured extra origins', () => {
    expect(
      checkOrigin(post({ Origin: 'http://localhost:5173' }), 'http://explorer.test', [
        'http://localhost:5173',
      ]),
    ).toBeUndefined();
  });
});
