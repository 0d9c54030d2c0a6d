import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';

describe('parseQuery', () => {
  it('separates words, methods and actions', () => {
    expect(parseQuery('vps reboot')).toEqual({ words: ['vps', 'reboot'], methods: [], actionPatterns: [] });
    expect(parseQuery('method:DELETE attachedDomain')).toEqual({
      words: ['attacheddomain'],
      methods: ['DELETE'],
      actionPatterns: [],
    });
    expect(parseQuery('webHosting:apiovh:get')).toEqual({
      words: [],
      methods: [],
      actionPatterns: ['webhosting:apiovh:get'],
    });
    expect(parseQuery('webHosting:* vps:apiovh:ips/* *:apiovh:get')).toMatchObject({
      actionPatterns: ['webhosting:*', 'vps:apiovh:ips/*', '*:apiovh:get'],
    });
  });

  it('ignores unknown methods and keeps plain words with a colon as words', () => {
    expect(parseQuery('method:FETCH 10:30')).toEqual({ words: ['10:30'], methods: [], actionPatterns: [] });
  });
});
