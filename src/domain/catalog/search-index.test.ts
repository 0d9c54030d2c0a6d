import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './search-index';
import { op } from './test-operations';

const operations = [
  op('GET', '/vps', ['vps:apiovh:get'], { description: 'List available services' }),
  op('GET', '/vps/{serviceName}', ['vps:apiovh:get']),
  op('POST', '/vps/{serviceName}/reboot', ['vps:apiovh:reboot'], {
    description: 'Request a reboot of the machine',
  }),
  op('GET', '/vps/{serviceName}/ips', ['vps:apiovh:ips/get']),
  op('DELETE', '/vps/{serviceName}/ips/{ipAddress}', ['vps:apiovh:ips/delete']),
  op('GET', '/vps/{serviceName}/monitoring', ['vps:apiovh:monitoring/get'], {
    status: { value: 'DEPRECATED' },
  }),
  op('POST', '/dedicated/server/{serviceName}/reboot', ['dedicatedServer:apiovh:reboot'], {
    section: '/dedicated/server',
  }),
  op('GET', '/hosting/web/{serviceName}', ['webHosting:apiovh:get'], { section: '/hosting/web' }),
  op('POST', '/hosting/web/{serviceName}/attachedDomain', ['webHosting:apiovh:attachedDomain/create'], {
    section: '/hosting/web',
  }),
  op('POST', '/vrack/{serviceName}/dedicatedServer', [
    'vrack:apiovh:dedicatedServer/attach',
    'dedicatedServer:apiovh:vrack/attach',
  ]),
  op('GET', '/vrack/{serviceName}/allowedServices', [
    'vrack:apiovh:allowedServices/get',
    { name: 'dedicatedServer:apiovh:vrack/attach', required: false },
  ]),
  op('GET', '/auth/time', [], { noAuthentication: true }),
];
const index = createSearchIndex(operations);
const ids = (query: string, filters = {}) =>
  index.search(query, filters).map((hit) => operations[hit.index]?.id);

describe('the search index', () => {
  it('understands "vps reboot", the reboot of a VPS first', () => {
    expect(ids('vps reboot')[0]).toBe('POST /vps/{serviceName}/reboot');
    expect(ids('vps reboot')).not.toContain('GET /vps');
  });

  it('finds every operation that needs a full action name, required or optional', () => {
    expect(ids('dedicatedServer:apiovh:vrack/attach')).toEqual([
      'POST /vrack/{serviceName}/dedicatedServer',
      'GET /vrack/{serviceName}/allowedServices',
    ]);
    expect(ids('webhosting:apiovh:get')).toEqual(['GET /hosting/web/{serviceName}']);
  });

  it('matches an action name being typed by its beginning', () => {
    expect(ids('vps:apiovh:ips')).toEqual([
      'GET /vps/{serviceName}/ips',
      'DELETE /vps/{serviceName}/ips/{ipAddress}',
    ]);
  });

  it('lists every operation whose actions a wildcard grants', () => {
    expect(ids('webHosting:*')).toEqual([
      'GET /hosting/web/{serviceName}',
      'POST /hosting/web/{serviceName}/attachedDomain',
    ]);
    expect(ids('vps:apiovh:ips/*')).toEqual([
      'GET /vps/{serviceName}/ips',
      'DELETE /vps/{serviceName}/ips/{ipAddress}',
    ]);
    expect(ids('*:apiovh:reboot')).toEqual([
      'POST /dedicated/server/{serviceName}/reboot',
      'POST /vps/{serviceName}/reboot',
    ]);
  });

  it('ranks operations a wildcard fully grants before those it grants in part', () => {
    const hits = index.search('vrack:*');
    expect(hits.map((h) => [operations[h.index]?.id, h.coverage])).toEqual([
      ['GET /vrack/{serviceName}/allowedServices', 'full'],
      ['POST /vrack/{serviceName}/dedicatedServer', 'partial'],
    ]);
  });

  it('filters by method with method:DELETE', () => {
    expect(ids('method:DELETE')).toEqual(['DELETE /vps/{serviceName}/ips/{ipAddress}']);
    expect(ids('method:get ips')).toEqual(['GET /vps/{serviceName}/ips']);
  });

  it('filters by section, hides deprecated operations, and keeps only those that need no IAM action', () => {
    expect(ids('', { section: '/hosting/web' })).toEqual([
      'GET /hosting/web/{serviceName}',
      'POST /hosting/web/{serviceName}/attachedDomain',
    ]);
    expect(ids('monitoring')).toEqual(['GET /vps/{serviceName}/monitoring']);
    expect(ids('monitoring', { hideDeprecated: true })).toEqual([]);
    expect(ids('', { noIamOnly: true })).toEqual(['GET /auth/time']);
  });

  it('matches descriptions and parameter names too, below paths', () => {
    expect(ids('machine')).toEqual(['POST /vps/{serviceName}/reboot']);
    expect(ids('ipaddress')).toEqual(['DELETE /vps/{serviceName}/ips/{ipAddress}']);
  });

  it('lists everything by path then method for an empty query', () => {
    expect(ids('')).toHaveLength(operations.length);
    expect(ids('').slice(0, 2)).toEqual(['GET /auth/time', 'POST /dedicated/server/{serviceName}/reboot']);
  });
});
