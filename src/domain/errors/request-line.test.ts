import { describe, expect, it } from 'vitest';
import { parseRequestLine } from './request-line';

describe('parseRequestLine', () => {
  it('reads a method and a path with its branch', () => {
    expect(parseRequestLine('POST /1.0/vps/vps-5b48d78b.vps.ovh.net/reboot')).toEqual({
      method: 'POST',
      branch: 'v1',
      path: '/vps/vps-5b48d78b.vps.ovh.net/reboot',
    });
    expect(parseRequestLine('get /v2/iam/policy?identity=x')).toEqual({
      method: 'GET',
      branch: 'v2',
      path: '/iam/policy',
    });
    expect(parseRequestLine('GET /v1/me')).toMatchObject({ branch: 'v1', path: '/me' });
  });

  it('reads a full URL, and the region from its host', () => {
    expect(parseRequestLine('DELETE https://ca.api.ovh.com/1.0/domain/zone/example.com/record/1')).toEqual({
      method: 'DELETE',
      branch: 'v1',
      path: '/domain/zone/example.com/record/1',
      plate: 'ca',
    });
  });

  it('assumes v1 without a branch, and refuses what is not a request line', () => {
    expect(parseRequestLine('GET /me')).toEqual({ method: 'GET', branch: 'v1', path: '/me' });
    expect(parseRequestLine('/me')).toBeUndefined();
    expect(parseRequestLine('FETCH /me')).toBeUndefined();
    expect(parseRequestLine('GET me')).toBeUndefined();
  });
});
