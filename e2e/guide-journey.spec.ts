import { ADMIN, expect, GUIDE, GUIDE_HOSTING, GUIDE_IDENTITY, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Everywhere a secret could leak to in the browser: the page, its URL, its storage, its readable cookies. */
async function browserSideText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const storage = (s: Storage) =>
      Object.keys(s)
        .map((k) => `${k}=${s.getItem(k)}`)
        .join('\n');
    return [
      document.documentElement.outerHTML,
      location.href,
      storage(localStorage),
      storage(sessionStorage),
      document.cookie,
    ].join('\n');
  });
}

test.describe("OVHcloud's service-account guide, in the sandbox", () => {
  test('a newcomer signs in as the guide’s service account, runs a call that works and one that is refused, and reads why', async ({
    explorer,
    page,
    checkA11y,
  }) => {
    await explorer.goto();
    await expect(explorer.region).toHaveValue('sandbox');
    await checkA11y();

    await explorer.signIn(GUIDE.clientId, GUIDE.clientSecret);
    await expect(explorer.signedIn).toContainText(GUIDE_IDENTITY);
    await expect(explorer.signedIn).toContainText(/expires in \d\d:\d\d/);

    await explorer.search.fill('webHosting:apiovh:get');
    await explorer.operation('GET /hosting/web/{serviceName}').click();
    await explorer.parameter('serviceName').fill(GUIDE_HOSTING);
    await explorer.send.click();
    await expect(explorer.responseStatus).toHaveText(/^200/);
    await expect(explorer.responseBody).toContainText(`urn:v1:eu:resource:webHosting:${GUIDE_HOSTING}`);

    await explorer.open('GET /me', 'account:apiovh:me/get');
    await explorer.send.click();
    await expect(explorer.responseStatus).toHaveText(/^403/);
    await expect(explorer.forbidden).toContainText('account:apiovh:me/get');
    await expect(explorer.forbidden).toContainText(GUIDE_IDENTITY);
    await expect(explorer.forbidden).toContainText('urn:v1:eu:resource:account:xx11111-ovh');
    // The proposed policy, in its editor (Monaco draws its lines, with non-breaking spaces).
    await expect(explorer.forbidden.getByTestId('monaco-editor')).toContainText(
      /"action":\s*"account:apiovh:me\/get"/,
    );
    await checkA11y();
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkA11y();

    // The guide's secret is "xxxxx": it must not appear on its own (the hosting's name has longer runs of x).
    expect(await browserSideText(page)).not.toMatch(/(?<!x)xxxxx(?!x)/);
  });

  test('the client secret never reaches the page, its URL, its storage or its readable cookies', async ({
    explorer,
    page,
    context,
  }) => {
    await explorer.goto();
    await explorer.signIn(ADMIN.clientId, ADMIN.clientSecret);
    await expect(explorer.clientSecret).toHaveCount(0);
    await explorer.open('GET /me', 'account:apiovh:me/get');
    await explorer.send.click();
    await expect(explorer.responseStatus).toHaveText(/^200/);
    expect(await browserSideText(page)).not.toContain(ADMIN.clientSecret);

    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['ovhx_session', true, 'Strict']]);
  });

  test('a deep link reopens the same operation after a reload, and Back returns to the previous one', async ({
    explorer,
    page,
  }) => {
    await explorer.goto();
    await explorer.open('GET /hosting/web/{serviceName}', 'webHosting:apiovh:get');
    await explorer.open('GET /me', 'account:apiovh:me/get');
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'GET /me' })).toBeVisible();
    await page.goBack();
    await expect(
      page.getByRole('heading', { level: 2, name: 'GET /hosting/web/{serviceName}' }),
    ).toBeVisible();
  });

  test('wrong credentials are explained and what was typed stays', async ({ explorer }) => {
    await explorer.goto();
    await explorer.clientId.fill(GUIDE.clientId);
    await explorer.clientSecret.fill('wrong-secret');
    await explorer.connect.click();
    await expect(explorer.page.getByRole('alert')).toContainText('ovhcloud oauth2 client does not exists');
    await expect(explorer.clientId).toHaveValue(GUIDE.clientId);
    await expect(explorer.clientSecret).toHaveValue('wrong-secret');
  });

  test('a body is edited in Monaco, loaded only when an operation takes one', async ({ explorer, page }) => {
    const monacoRequests: string[] = [];
    page.on('request', (request) => {
      if (/monaco|editor\.worker|json\.worker/.test(request.url())) monacoRequests.push(request.url());
    });
    await explorer.goto();
    await explorer.signIn(ADMIN.clientId, ADMIN.clientSecret);
    await explorer.open('GET /me', 'account:apiovh:me/get');
    expect(monacoRequests).toEqual([]);

    await explorer.open('POST /domain/zone/{zoneName}/record', 'dnsZone:apiovh:record/create');
    await expect(page.getByTestId('monaco-editor')).toBeVisible();
    await explorer.parameter('zoneName').fill('example.com');
    await page.getByTestId('monaco-editor').click();
    await expect(page.getByRole('textbox', { name: 'Request body' })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{"fieldType": "TXT", "subDomain": "e2e", "target": "hello"');
    // Monaco closes brackets and quotes as one types: what matters is that the JSON sent is the one typed.
    await explorer.send.click();
    await expect(explorer.responseStatus).toHaveText(/^200/);
    await expect(explorer.responseBody).toContainText('"subDomain": "e2e"');
    expect(monacoRequests.length).toBeGreaterThan(0);
  });
});
