/**
 * Where, in a JSON text of policies, the statement that decided stands: the `"action": "<pattern>"` entry of
 * the policy's allow, except or deny list. Offsets into the text, for highlighting it in an editor. Tolerant
 * of formatting; gives up (undefined) rather than guess when the text is not shaped as expected.
 */
export function locateStatement(
  text: string,
  policy: { id?: string; name: string },
  list: 'allow' | 'except' | 'deny',
  pattern: string,
): { start: number; end: number } | undefined {
  const anchor = policy.id ? text.indexOf(JSON.stringify(policy.id)) : -1;
  const named = anchor >= 0 ? anchor : findName(text, policy.name);
  if (named < 0) return undefined;
  const policyStart = text.lastIndexOf('{', named);
  const policyEnd = matchingBrace(text, policyStart);
  if (policyStart < 0 || policyEnd < 0) return undefined;
  const listKey = text.indexOf(`"${list}"`, policyStart);
  if (listKey < 0 || listKey > policyEnd) return undefined;
  const listEnd = text.indexOf(']', listKey);
  const quoted = JSON.stringify(pattern);
  let at = text.indexOf(quoted, listKey);
  if (at < 0 || at > listEnd) return undefined;
  // Widen to the whole `{ "action": … }` entry.
  const entryStart = text.lastIndexOf('{', at);
  const entryEnd = text.indexOf('}', at + quoted.length);
  at = entryStart > listKey ? entryStart : at;
  return { start: at, end: entryEnd > 0 && entryEnd < listEnd ? entryEnd + 1 : at + quoted.length };
}

function findName(text: string, name: string): number {
  const match = new RegExp(
    `"name"\\s*:\\s*${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
  ).exec(text);
  return match ? match.index : -1;
}

function matchingBrace(text: string, open: number): number {
  if (open < 0) return -1;
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}
