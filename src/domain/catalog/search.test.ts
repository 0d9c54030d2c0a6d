import { describe, expect, it } from 'vitest';
import current from './fixtures/current-section.json';
import legacy from './fixtures/legacy-section.json';
import { parseSection } from './parse-schema';
import { createSearch } from './search';

const operations = [...parseSection(current, 'v1').operations, ...parseSection(legacy, 'v1').operations];
const search = createSearch(operations);
const ids = (query: string) => search(query).map((hit) => hit.operation.id);

describe('search', () => {
  it('finds every operation that needs an action, by its full name, first', () => {
    expect(ids('gadget:apiovh:get')).toEqual([
      'GET /gadget/{serviceName}',
      'POST /widget/{serviceName}/link',
    ]);
  });

  it('needs every word to match', () => {
    expect(ids('widget link')).toEqual(['POST /widget/{serviceName}/link']);
    expect(ids('widget nothing-like-this')).toEqual([]);
  });

  it('matches methods, paths and descriptions', () => {
    expect(ids('delete')).toEqual(['DELETE /gadget/{serviceName}']);
    expect(ids('clock')).toEqual([]);
    expect(ids('server time')).toEqual(['GET /widget/time']);
  });

  it('lists everything for an empty query', () => {
    expect(search('  ')).toHaveLength(operations.length);
  });
});
