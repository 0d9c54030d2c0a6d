import { describe, expect, it } from 'vitest';
import {
  accountIdentityUrn,
  accountResourceUrn,
  identityAccount,
  parseUrn,
  resourceUrn,
  serviceAccountIdentityUrn,
} from './urn';

describe('parseUrn', () => {
  it('reads a resource URN', () => {
    expect(parseUrn('urn:v1:eu:resource:webHosting:xxxxxxx.cluster001.hosting.ovh.net')).toEqual({
      kind: 'resource',
      plate: 'eu',
      resourceType: 'webHosting',
      id: 'xxxxxxx.cluster001.hosting.ovh.net',
    });
  });

  it('keeps colons and slashes that belong to the resource id', () => {
    expect(parseUrn('urn:v1:ca:resource:publicCloudProject:abc/instance:42')).toMatchObject({
      resourceType: 'publicCloudProject',
      id: 'abc/instance:42',
    });
  });

  it("reads a service account's identity URN", () => {
    expect(parseUrn('urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f')).toEqual({
      kind: 'identity',
      plate: 'eu',
      identityType: 'credential',
      account: 'xx11111-ovh',
      name: 'oauth2-0f0f0f0f0f0f0f0f',
    });
  });

  it('reads an account identity, which has no name', () => {
    expect(parseUrn('urn:v1:us:identity:account:us-12345-ovh')).toEqual({
      kind: 'identity',
      plate: 'us',
      identityType: 'account',
      account: 'us-12345-ovh',
    });
  });

  it.each([
    '',
    'urn:v1:eu',
    'urn:v2:eu:resource:vps:a',
    'urn:v1:eu:thing:vps:a',
    'urn:v1:eu:resource:vps:',
    'arn:aws:s3:::b',
  ])('rejects %j', (urn) => {
    expect(parseUrn(urn)).toBeUndefined();
  });
});

describe('URN builders', () => {
  it('build the URNs of the guide', () => {
    expect(resourceUrn('eu', 'webHosting', 'xxxxxxx.cluster001.hosting.ovh.net')).toBe(
      'urn:v1:eu:resource:webHosting:xxxxxxx.cluster001.hosting.ovh.net',
    );
    expect(accountResourceUrn('eu', 'xx11111-ovh')).toBe('urn:v1:eu:resource:account:xx11111-ovh');
    expect(serviceAccountIdentityUrn('eu', 'xx11111-ovh', '0f0f0f0f0f0f0f0f')).toBe(
      'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f',
    );
    expect(accountIdentityUrn('ca', 'xx11111-ovh')).toBe('urn:v1:ca:identity:account:xx11111-ovh');
  });

  it('finds the account behind an identity', () => {
    expect(identityAccount('urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f')).toBe(
      'xx11111-ovh',
    );
    expect(identityAccount('urn:v1:eu:resource:account:xx11111-ovh')).toBeUndefined();
  });
});
