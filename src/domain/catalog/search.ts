import type { Operation } from './types';

export type SearchHit = { operation: Operation; score: number };

type Indexed = { operation: Operation; method: string; path: string; actions: string[]; text: string };

/**
 * Search over method, path, description and IAM action names. Every word of the query must match somewhere;
 * matches on an action name or a path segment rank above matches in descriptions.
 */
export function createSearch(operations: readonly Operation[]) {
  const index: Indexed[] = operations.map((operation) => ({
    operation,
    method: operation.method.toLowerCase(),
    path: operation.path.toLowerCase(),
    actions: operation.iamActions.map((a) => a.name.toLowerCase()),
    text: `${operation.description} ${operation.parameters.map((p) => p.name).join(' ')}`.toLowerCase(),
  }));

  return function search(query: string): SearchHit[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return index.map((entry) => ({ operation: entry.operation, score: 0 }));
    const hits: SearchHit[] = [];
    for (const entry of index) {
      let score = 0;
      for (const word of words) {
        const points = scoreWord(entry, word);
        if (points === 0) {
          score = 0;
          break;
        }
        score += points;
      }
      if (score > 0) hits.push({ operation: entry.operation, score });
    }
    return hits.sort((a, b) => b.score - a.score || a.operation.path.localeCompare(b.operation.path));
  };
}

function scoreWord(entry: Indexed, word: string): number {
  if (entry.actions.includes(word)) return 100;
  if (entry.method === word) return 30;
  if (entry.actions.some((action) => action.includes(word))) return 40;
  if (entry.path.includes(word)) return entry.path.endsWith(word) ? 35 : 25;
  if (entry.text.includes(word)) return 5;
  return 0;
}
