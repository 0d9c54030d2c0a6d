import { describe, expect, it } from 'vitest';
import { curlFor } from './curl';

describe('curlFor', () => {
  it('uses $OVH_TOKEN, never a token', () => {
    expect(curlFor({ method: 'GET', url: 'https://eu.api.ovh.com/1.0/me' })).toBe(
      `curl -X GET 'https://eu.api.ovh.com/1.0/me' \\\n  -H "Authorization: Bearer $OVH_TOKEN"`,
    );
  });

  it('quotes a JSON body safely for the shell', () => {
    const snippet = curlFor({
      method: 'POST',
      url: 'https://eu.api.ovh.com/v2/iam/policy',
      body: `{"name":"it's"}`,
    });
    expect(snippet).toContain(`--data '{"name":"it'\\''s"}'`);
    expect(snippet).toContain(`-H 'Content-Type: application/json'`);
  });
});
