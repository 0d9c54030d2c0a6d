/**
 * Shell snippets for a call. They never carry a secret or a token: the token is `$OVH_TOKEN`,
 * which the user exports themselves (DESIGN.md, "Security rules").
 */

export type CallDescription = {
  method: string;
  /** absolute URL of the call, query string included */
  url: string;
  body?: string;
};

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlFor(call: CallDescription): string {
  const lines = [`curl -X ${call.method} ${shellQuote(call.url)}`, `  -H "Authorization: Bearer $OVH_TOKEN"`];
  if (call.body !== undefined && call.body !== '') {
    lines.push(`  -H 'Content-Type: application/json'`, `  --data ${shellQuote(call.body)}`);
  }
  return lines.join(' \\\n');
}
