/**
 * OVH IAM wildcards: a `*` at the start and/or at the end of an action or a URN
 * (`webHosting:*`, `*:apiovh:get`, `urn:v1:eu:resource:vps:*`, `*`).
 * OVH documents no other wildcard position, so a `*` elsewhere is taken literally
 * (our modelling choice; validatePolicy warns about it).
 */
export function matchesPattern(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  const leading = pattern.startsWith('*');
  const trailing = pattern.length > 1 && pattern.endsWith('*');
  const core = pattern.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (leading && trailing) return value.includes(core);
  if (leading) return value.endsWith(core);
  if (trailing) return value.startsWith(core);
  return value === pattern;
}

/** The same test as matchesPattern, with the pattern taken apart once: for searches over thousands of names. */
export function compilePattern(pattern: string): (value: string) => boolean {
  if (pattern === '*') return () => true;
  const leading = pattern.startsWith('*');
  const trailing = pattern.length > 1 && pattern.endsWith('*');
  const core = pattern.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (leading && trailing) return (value) => value.includes(core);
  if (leading) return (value) => value.endsWith(core);
  if (trailing) return (value) => value.startsWith(core);
  return (value) => value === pattern;
}

export function isWildcard(pattern: string): boolean {
  return pattern.startsWith('*') || pattern.endsWith('*');
}

/** A `*` anywhere but the ends: OVH does not expand it. */
export function hasInnerWildcard(pattern: string): boolean {
  return pattern.slice(1, -1).includes('*');
}
