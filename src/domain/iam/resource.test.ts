import { describe, expect, it } from 'vitest';
import { actionResourceType, otherResourcesFromParams, resourceUrnForAction } from './resource';

const target = {
  plate: 'eu',
  account: 'xx11111-ovh',
  pathParams: ['xxxxxxx.cluster001.hosting.ovh.net', 'example.com'],
};

describe('resourceUrnForAction', () => {
  it("uses the action's type and the first path parameter", () => {
    expect(resourceUrnForAction('webHosting:apiovh:attachedDomain/get', target)).toBe(
      'urn:v1:eu:resource:webHosting:xxxxxxx.cluster001.hosting.ovh.net',
    );
  });

  it('targets the account for account actions', () => {
    expect(resourceUrnForAction('account:apiovh:me/get', { ...target, pathParams: [] })).toBe(
      'urn:v1:eu:resource:account:xx11111-ovh',
    );
  });

  it('finds nothing for a call without a path parameter', () => {
    expect(resourceUrnForAction('webHosting:apiovh:get', { ...target, pathParams: [] })).toBeUndefined();
  });

  it('takes the id of another resource from the call', () => {
    const attach = {
      ...target,
      pathParams: ['pn-1'],
      primaryType: 'vrack',
      otherResources: { dedicatedServer: 'ns1.eu' },
    };
    expect(resourceUrnForAction('dedicatedServer:apiovh:vrack/attach', attach)).toBe(
      'urn:v1:eu:resource:dedicatedServer:ns1.eu',
    );
    expect(resourceUrnForAction('vrack:apiovh:dedicatedServer/attach', attach)).toBe(
      'urn:v1:eu:resource:vrack:pn-1',
    );
  });
});

describe('otherResourcesFromParams', () => {
  it('finds parameters named after a resource type, or its usual alias', () => {
    expect(
      otherResourcesFromParams(['dedicatedServer', 'publicCloudProject', 'vps'], {
        dedicatedServer: 'ns1',
        project: 'p1',
      }),
    ).toEqual({
      dedicatedServer: 'ns1',
      publicCloudProject: 'p1',
    });
  });
});

describe('actionResourceType', () => {
  it('is the part before the first colon', () => {
    expect(actionResourceType('webHosting:apiovh:get')).toBe('webHosting');
    expect(actionResourceType('*')).toBe('*');
  });
});
