import { describe, expect, it } from 'vitest';
import { compilePattern, hasInnerWildcard, matchesPattern } from './pattern';

describe('matchesPattern', () => {
  it.each([
    ['webHosting:apiovh:get', 'webHosting:apiovh:get', true],
    ['webHosting:apiovh:get', 'webHosting:apiovh:edit', false],
    ['*', 'vps:apiovh:reboot', true],
    ['webHosting:*', 'webHosting:apiovh:attachedDomain/create', true],
    ['webHosting:*', 'vps:apiovh:reboot', false],
    ['vps:apiovh:ips/*', 'vps:apiovh:ips/edit', true],
    ['vps:apiovh:ips/*', 'vps:apiovh:reboot', false],
    ['*:apiovh:get', 'domain:apiovh:get', true],
    ['*:apiovh:get', 'domain:apiovh:zone/get', false],
    ['*/get', 'domain:apiovh:zone/get', true],
    ['*apiovh*', 'domain:apiovh:zone/get', true],
    ['urn:v1:eu:resource:vps:*', 'urn:v1:eu:resource:vps:vps-1.vps.ovh.net', true],
    ['urn:v1:eu:resource:vps:*', 'urn:v1:ca:resource:vps:vps-1.vps.ovh.net', false],
  ])('%s against %s → %s', (pattern, value, expected) => {
    expect(matchesPattern(pattern, value)).toBe(expected);
    expect(compilePattern(pattern)(value)).toBe(expected);
  });

  it('takes a star in the middle literally, as OVH only documents them at the ends', () => {
    expect(matchesPattern('webHosting:*:get', 'webHosting:apiovh:get')).toBe(false);
    expect(matchesPattern('webHosting:*:get', 'webHosting:*:get')).toBe(true);
    expect(hasInnerWildcard('webHosting:*:get')).toBe(true);
    expect(hasInnerWildcard('*webHosting*')).toBe(false);
  });
});
