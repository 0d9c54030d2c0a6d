import { compilePattern } from '../iam/pattern';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './query';
import type { Operation } from './types';

export type SearchFilters = {
  /** only this section, e.g. `/vps` */
  section?: string;
  hideDeprecated?: boolean;
  /** only operations that need no IAM action */
  noIamOnly?: boolean;
};

export type SearchHit = {
  /** position of the operation in the indexed list */
  index: number;
  score: number;
  /** for an action query: whether the patterns grant every required action of the operation, or only some */
  coverage?: 'full' | 'partial';
};

type Entry = {
  /** everything searchable, joined: one `includes` rules out most operations before any scoring */
  haystack: string;
  method: string;
  path: string;
  segments: string[];
  actions: string[];
  required: string[];
  params: string[];
  description: string;
  section: string;
  deprecated: boolean;
  noIam: boolean;
};

const METHOD_ORDER: Record<string, number> = { GET: 0, POST: 1, PUT: 2, PATCH: 3, DELETE: 4 };

/**
 * The search over a catalogue (OVHcloud's EU one has 6,300 operations): everything is lowercased and split
 * once, here, so that a keystroke only compares strings. Words must all match; action names and patterns
 * select the operations whose actions they name or grant.
 */
export function createSearchIndex(operations: readonly Operation[]) {
  const entries: Entry[] = operations.map((op) => ({
    haystack: [
      op.method,
      op.path,
      ...op.iamActions.map((a) => a.name),
      ...op.parameters.map((p) => p.name),
      op.description,
    ]
      .join('\n')
      .toLowerCase(),
    method: op.method.toLowerCase(),
    path: op.path.toLowerCase(),
    segments: op.path.toLowerCase().split('/').filter(Boolean),
    actions: op.iamActions.map((a) => a.name.toLowerCase()),
    required: op.iamActions.filter((a) => a.required).map((a) => a.name.toLowerCase()),
    params: op.parameters.map((p) => p.name.toLowerCase()),
    description: op.description.toLowerCase(),
    section: op.section,
    deprecated: op.status.value === 'DEPRECATED',
    noIam: op.iamActions.length === 0,
  }));
  // Default order: by path, then method, as OVH's console lists them.
  const byPath = entries
    .map((_, index) => index)
    .sort((a, b) => compareEntries(entries[a] as Entry, entries[b] as Entry));
  const rank = new Int32Array(entries.length);
  byPath.forEach((index, position) => (rank[index] = position));

  function search(query: string | ParsedQuery, filters: SearchFilters = {}): SearchHit[] {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const hits: SearchHit[] = [];
    const empty = isEmptyQuery(parsed);
    const patterns = parsed.actionPatterns.map(compileActionPattern);
    for (const index of byPath) {
      const entry = entries[index] as Entry;
      if (filters.section && entry.section !== filters.section) continue;
      if (filters.hideDeprecated && entry.deprecated) continue;
      if (filters.noIamOnly && !entry.noIam) continue;
      if (empty) {
        hits.push({ index, score: 0 });
        continue;
      }
      if (parsed.methods.length > 0 && !parsed.methods.some((m) => m.toLowerCase() === entry.method))
        continue;
      let score = parsed.methods.length > 0 ? 1 : 0;
      let coverage: SearchHit['coverage'];
      if (!parsed.words.every((word) => entry.haystack.includes(word))) continue;
      if (patterns.length > 0) {
        const actionScore = scoreActions(entry, patterns);
        if (actionScore === undefined) continue;
        score += actionScore.score;
        coverage = actionScore.coverage;
      }
      let matchedAll = true;
      for (const word of parsed.words) {
        const points = scoreWord(entry, word);
        if (points === 0) {
          matchedAll = false;
          break;
        }
        score += points;
      }
      if (!matchedAll) continue;
      hits.push(coverage ? { index, score, coverage } : { index, score });
    }
    if (!empty) hits.sort((a, b) => b.score - a.score || (rank[a.index] ?? 0) - (rank[b.index] ?? 0));
    return hits;
  }

  return { search, size: entries.length };
}

function compareEntries(a: Entry, b: Entry): number {
  return a.path < b.path
    ? -1
    : a.path > b.path
      ? 1
      : (METHOD_ORDER[a.method.toUpperCase()] ?? 9) - (METHOD_ORDER[b.method.toUpperCase()] ?? 9);
}

type ActionPattern = { text: string; wildcard: boolean; matches: (action: string) => boolean };

function compileActionPattern(text: string): ActionPattern {
  return { text, wildcard: text.startsWith('*') || text.endsWith('*'), matches: compilePattern(text) };
}

/** Every pattern must name or grant one of the operation's actions; full coverage of its required actions ranks first. */
function scoreActions(
  entry: Entry,
  patterns: ActionPattern[],
): { score: number; coverage: 'full' | 'partial' } | undefined {
  let score = 0;
  for (const pattern of patterns) {
    if (pattern.wildcard) {
      if (!entry.actions.some(pattern.matches)) return undefined;
      score += 80;
    } else if (entry.actions.includes(pattern.text)) {
      // Where the action is required comes before where it only widens a list.
      score += entry.required.includes(pattern.text) ? 105 : 100;
    } else if (entry.actions.some((action) => action.startsWith(pattern.text))) {
      score += 60; // an action name being typed
    } else {
      return undefined;
    }
  }
  const coverage = entry.required.every((action) => patterns.some((pattern) => pattern.matches(action)))
    ? 'full'
    : 'partial';
  return { score: coverage === 'full' ? score + 10 : score, coverage };
}

function scoreWord(entry: Entry, word: string): number {
  if (entry.method === word) return 30;
  if (entry.segments.includes(word)) return 40;
  if (entry.segments.some((segment) => segment.startsWith(word))) return 30;
  if (entry.path.includes(word)) return 25;
  if (entry.actions.some((action) => action.includes(word))) return 20;
  if (entry.params.includes(word)) return 15;
  if (entry.description.includes(word)) return 5;
  if (entry.params.some((param) => param.includes(word))) return 3;
  return 0;
}
