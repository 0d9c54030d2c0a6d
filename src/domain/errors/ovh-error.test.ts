import { describe, expect, it } from 'vitest';
import { parseForbidden, parseOvhError, splitActions } from './ovh-error';

const guide403 = {
  class: 'Client::Forbidden',
  message: 'User not granted for this request',
  details: { unauthorizedActionsByAuthentication: '', unauthorizedActionsByIAM: 'vps:apiovh:reboot' },
};

describe('parseOvhError', () => {
  it('reads class, message and string details', () => {
    expect(parseOvhError(guide403)).toEqual(guide403);
    expect(parseOvhError({ class: 'Client::Unauthorized', message: 'You must login first' })).toEqual({
      class: 'Client::Unauthorized',
      message: 'You must login first',
    });
  });

  it('refuses bodies that are not OVH errors', () => {
    expect(parseOvhError('<html>')).toBeUndefined();
    expect(parseOvhError(['a'])).toBeUndefined();
    expect(parseOvhError({ error: 'invalid_client' })).toBeUndefined();
  });
});

describe('parseForbidden', () => {
  it("reads the guide's 403", () => {
    expect(parseForbidden(guide403)).toEqual({
      message: 'User not granted for this request',
      byIam: ['vps:apiovh:reboot'],
      byAuthentication: [],
      detailsMissing: false,
    });
  });

  it('separates several actions by comma or space', () => {
    expect(splitActions('a:apiovh:get, b:apiovh:get c:apiovh:get;a:apiovh:get')).toEqual([
      'a:apiovh:get',
      'b:apiovh:get',
      'c:apiovh:get',
    ]);
  });

  it('tells actions refused by the authentication from those refused by IAM', () => {
    const body = {
      ...guide403,
      details: { unauthorizedActionsByAuthentication: 'vps:apiovh:reboot', unauthorizedActionsByIAM: '' },
    };
    expect(parseForbidden(body)).toMatchObject({ byIam: [], byAuthentication: ['vps:apiovh:reboot'] });
  });

  it('accepts an older 403 without details', () => {
    expect(
      parseForbidden({ class: 'Client::Forbidden', message: 'This call has not been granted' }),
    ).toMatchObject({
      byIam: [],
      detailsMissing: true,
    });
  });

  it('is not fooled by other errors', () => {
    expect(
      parseForbidden({ class: 'Client::NotFound', message: 'This service does not exist' }),
    ).toBeUndefined();
  });
});
