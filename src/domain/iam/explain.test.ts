import { describe, expect, it } from 'vitest';
import { explainForbidden, primaryIdentity } from './explain';
import { policyName } from './suggest';

const identity = 'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f';
const caller = { account: 'xx11111-ovh', urns: [identity] };
const forbidden = (byIam: string, byAuthentication = '') => ({
  class: 'Client::Forbidden',
  message: 'User not granted for this request',
  details: { unauthorizedActionsByAuthentication: byAuthentication, unauthorizedActionsByIAM: byIam },
});

describe('explainForbidden', () => {
  it('explains GET /me refused to the guide’s service account', () => {
    const explanation = explainForbidden({
      body: forbidden('account:apiovh:me/get'),
      operation: { iamActions: [{ name: 'account:apiovh:me/get', required: true }] },
      pathParams: [],
      plate: 'eu',
      caller,
    });
    expect(explanation).toEqual({
      message: 'User not granted for this request',
      identity,
      missing: [
        {
          action: 'account:apiovh:me/get',
          source: 'iam',
          declared: { name: 'account:apiovh:me/get', required: true },
          resourceUrn: 'urn:v1:eu:resource:account:xx11111-ovh',
        },
      ],
      unreported: [],
      policies: [
        {
          name: 'allow-account-me-get',
          description: 'Grants account:apiovh:me/get on urn:v1:eu:resource:account:xx11111-ovh',
          identities: [identity],
          resources: [{ urn: 'urn:v1:eu:resource:account:xx11111-ovh' }],
          permissions: { allow: [{ action: 'account:apiovh:me/get' }] },
        },
      ],
    });
  });

  it('gives each resource of a multi-action call its own policy', () => {
    const explanation = explainForbidden({
      body: forbidden('vrack:apiovh:dedicatedServer/attach,dedicatedServer:apiovh:vrack/attach'),
      operation: {
        iamActions: [
          { name: 'vrack:apiovh:dedicatedServer/attach', required: true },
          { name: 'dedicatedServer:apiovh:vrack/attach', required: true },
        ],
      },
      pathParams: ['pn-1234'],
      otherResources: { dedicatedServer: 'ns1.ip-203-0-113.eu' },
      plate: 'eu',
      caller,
    });
    expect(explanation?.policies.map((p) => p.resources[0]?.urn)).toEqual([
      'urn:v1:eu:resource:vrack:pn-1234',
      'urn:v1:eu:resource:dedicatedServer:ns1.ip-203-0-113.eu',
    ]);
  });

  it('does not guess the resource of an action on another type when the call does not name it', () => {
    const explanation = explainForbidden({
      body: forbidden('dedicatedServer:apiovh:vrack/attach'),
      operation: {
        iamActions: [
          { name: 'vrack:apiovh:dedicatedServer/attach', required: true },
          { name: 'dedicatedServer:apiovh:vrack/attach', required: true },
        ],
      },
      pathParams: ['pn-1234'],
      plate: 'eu',
      caller,
    });
    expect(explanation?.missing[0]?.resourceUrn).toBeUndefined();
  });

  it('names the required actions the response did not report', () => {
    const explanation = explainForbidden({
      body: forbidden('vrack:apiovh:dedicatedServer/attach'),
      operation: {
        iamActions: [
          { name: 'vrack:apiovh:dedicatedServer/attach', required: true },
          { name: 'dedicatedServer:apiovh:vrack/attach', required: true },
          { name: 'dedicatedServer:apiovh:get', required: false },
        ],
      },
      pathParams: ['pn-1234'],
      plate: 'eu',
      caller,
    });
    expect(explanation?.unreported.map((a) => a.name)).toEqual(['dedicatedServer:apiovh:vrack/attach']);
  });

  it('flags a reported action that the operation does not declare', () => {
    const explanation = explainForbidden({
      body: forbidden('vps:apiovh:reboot'),
      operation: { iamActions: [] },
      pathParams: ['vps-1'],
      plate: 'eu',
      caller,
    });
    expect(explanation?.missing[0]).toEqual({
      action: 'vps:apiovh:reboot',
      source: 'iam',
      resourceUrn: 'urn:v1:eu:resource:vps:vps-1',
    });
  });

  it('suggests no policy for actions the authentication refuses: no policy can lift them', () => {
    const explanation = explainForbidden({
      body: forbidden('', 'vps:apiovh:reboot'),
      pathParams: ['vps-1'],
      plate: 'eu',
      caller,
    });
    expect(explanation?.missing[0]?.source).toBe('authentication');
    expect(explanation?.policies).toEqual([]);
  });

  it('falls back to the schema when an older 403 has no details', () => {
    const explanation = explainForbidden({
      body: { class: 'Client::Forbidden', message: 'This call has not been granted' },
      operation: { iamActions: [{ name: 'vps:apiovh:reboot', required: true }] },
      pathParams: ['vps-1'],
      plate: 'eu',
      caller,
    });
    expect(explanation?.missing).toMatchObject([{ action: 'vps:apiovh:reboot', source: 'schema' }]);
  });

  it('returns nothing for a body that is not a 403', () => {
    expect(
      explainForbidden({
        body: { message: 'You must login first', class: 'Client::Unauthorized' },
        pathParams: [],
        plate: 'eu',
      }),
    ).toBeUndefined();
  });
});

describe('primaryIdentity', () => {
  it('prefers a credential or user over the whole account', () => {
    expect(primaryIdentity(['urn:v1:eu:identity:account:xx11111-ovh', identity])).toBe(identity);
    expect(primaryIdentity(['urn:v1:eu:identity:account:xx11111-ovh'])).toBe(
      'urn:v1:eu:identity:account:xx11111-ovh',
    );
  });
});

describe('policyName', () => {
  it('makes a name OVH accepts from action names', () => {
    expect(policyName(['webHosting:apiovh:attachedDomain/create'])).toBe(
      'allow-webHosting-attachedDomain-create',
    );
    expect(policyName(['vps:*'])).toBe('allow-vps');
  });
});
