import { describe, expect, it } from 'vitest';
import { buildActionIndex, expandPattern, operationsGrantedBy } from './actions';
import { op } from './test-operations';

const operations = [
  op('GET', '/vrack/{serviceName}', ['vrack:apiovh:get']),
  op('POST', '/vrack/{serviceName}/dedicatedServer', [
    'vrack:apiovh:dedicatedServer/attach',
    'dedicatedServer:apiovh:vrack/attach',
  ]),
  op('GET', '/vrack/{serviceName}/allowedServices', [
    'vrack:apiovh:allowedServices/get',
    {
      name: 'dedicatedServer:apiovh:vrack/attach',
      required: false,
      description: 'Needed on the servers to be listed',
    },
  ]),
  op('GET', '/dedicated/server/{serviceName}', ['dedicatedServer:apiovh:get']),
];
const index = buildActionIndex(operations);

describe('the action index', () => {
  it('lists every operation that needs an action, required or optional, with its description', () => {
    expect(index.byName.get('dedicatedServer:apiovh:vrack/attach')).toEqual({
      name: 'dedicatedServer:apiovh:vrack/attach',
      resourceType: 'dedicatedServer',
      description: 'Needed on the servers to be listed',
      operations: [
        { index: 1, required: true },
        { index: 2, required: false },
      ],
    });
  });

  it('groups actions by resource type', () => {
    expect([...index.resourceTypes.keys()]).toEqual(['dedicatedServer', 'vrack']);
    expect(index.resourceTypes.get('dedicatedServer')?.map((a) => a.name)).toEqual([
      'dedicatedServer:apiovh:get',
      'dedicatedServer:apiovh:vrack/attach',
    ]);
  });

  it('expands a wildcard to the actions it grants', () => {
    expect(expandPattern(index, 'vrack:*').map((a) => a.name)).toEqual([
      'vrack:apiovh:allowedServices/get',
      'vrack:apiovh:dedicatedServer/attach',
      'vrack:apiovh:get',
    ]);
    expect(expandPattern(index, '*/attach').map((a) => a.name)).toEqual([
      'dedicatedServer:apiovh:vrack/attach',
      'vrack:apiovh:dedicatedServer/attach',
    ]);
  });

  it('tells the operations a wildcard lets one call from those it only half grants', () => {
    const granted = (action: string) => action.startsWith('vrack:');
    expect(operationsGrantedBy(operations, granted)).toEqual({ full: [0, 2], partial: [1] });
  });
});
