import type { HttpMethod } from './types';

/** A search box's content, understood: free words, `method:DELETE`, and IAM action names or patterns. */
export type ParsedQuery = {
  /** lowercased free words: each must match the method, path, description, a parameter or an action */
  words: string[];
  methods: HttpMethod[];
  /** lowercased action names or wildcards (`webHosting:apiovh:get`, `webHosting:*`, `*:apiovh:get`) */
  actionPatterns: string[];
};

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], methods: [], actionPatterns: [] };
  for (const token of query.trim().split(/\s+/)) {
    if (!token) continue;
    const lower = token.toLowerCase();
    if (lower.startsWith('method:')) {
      const method = lower.slice('method:'.length).toUpperCase() as HttpMethod;
      if (METHODS.includes(method)) parsed.methods.push(method);
      continue;
    }
    // An action has the shape <resourceType>:<api>:<subpath>; a single colon is not enough (times, URNs' tails…).
    if (/^[\w*-]*:[\w*-]*:/.test(lower) || lower === '*' || (lower.includes(':') && lower.includes('*'))) {
      parsed.actionPatterns.push(lower);
      continue;
    }
    parsed.words.push(lower);
  }
  return parsed;
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.methods.length === 0 && query.actionPatterns.length === 0;
}
