import { ADMIN, expect, GUIDE, GUIDE_IDENTITY, NETWORK, OPS, test } from './fixtures';

const OPS_IDENTITY = 'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-c0c0c0c0c0c0c0c0';

test.describe('diagnosing a 403', () => {
  test("the guide's account is refused GET /me; a policy created with the admin account fixes it, and Retry answers 200", async ({
    explorer,
    page,
    checkA11y,
  }) => {
    await explorer.goto();
    await explorer.signIn(GUIDE.clientId, GUIDE.clientSecret);
    await explorer.open('GET /me', 'account:apiovh:me/get');
    await explorer.send.click();
    await expect(explorer.forbidden).toContainText(
      `No policy allows ${GUIDE_IDENTITY} account:apiovh:me/get on urn:v1:eu:resource:account:xx11111-ovh`,
    );
    await expect(explorer.forbidden).toContainText('UNKNOWN');
    await checkA11y();

    await explorer.forbidden.getByRole('button', { name: 'Create this policy…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create this policy' });
    await dialog.getByRole('textbox', { name: 'Client ID' }).fill(ADMIN.clientId);
    await dialog.getByRole('textbox', { name: 'Client secret' }).fill(ADMIN.clientSecret);
    await dialog.getByRole('button', { name: 'Create policy' }).click();
    await expect(dialog).toBeHidden();
    await expect(explorer.forbidden.getByText(/Created “allow-account-me-get”/)).toBeVisible();

    await explorer.forbidden.getByRole('button', { name: 'Retry' }).click();
    await expect(explorer.responseStatus).toHaveText(/^200/);
    await expect(explorer.forbidden).toHaveCount(0);
    await expect(explorer.signedIn).toContainText(
      'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-a0a0a0a0a0a0a0a0',
    );
    // Neither secret stayed in the page, its URL or its storage.
    const seen = await page.evaluate(() =>
      [
        document.documentElement.outerHTML,
        location.href,
        JSON.stringify(localStorage),
        JSON.stringify(sessionStorage),
        document.cookie,
      ].join('\n'),
    );
    expect(seen).not.toContain(ADMIN.clientSecret);
    expect(seen).not.toMatch(/(?<!x)xxxxx(?!x)/);
  });

  test('a call refused by a deny names the denying policy, with the edit that would lift it', async ({
    explorer,
    page,
  }) => {
    await explorer.goto();
    await explorer.signIn(OPS.clientId, OPS.clientSecret);
    await explorer.open('POST /vps/{serviceName}/reboot', 'vps:apiovh:reboot');
    await explorer.parameter('serviceName').fill('vps-5b48d78b.vps.ovh.net');

    await page.getByRole('button', { name: 'Check my access' }).click();
    await expect(page.getByRole('list', { name: 'Access check' })).toContainText(
      'denied vps:apiovh:reboot on urn:v1:eu:resource:vps:vps-5b48d78b.vps.ovh.net',
    );

    await explorer.send.click();
    await expect(explorer.forbidden).toContainText(`${OPS_IDENTITY} may not read policies`);
    await explorer.forbidden.getByRole('button', { name: 'Read the policies with another account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Read the policies with another account' });
    await dialog.getByRole('textbox', { name: 'Client ID' }).fill(ADMIN.clientId);
    await dialog.getByRole('textbox', { name: 'Client secret' }).fill(ADMIN.clientSecret);
    await dialog.getByRole('button', { name: 'Sign in' }).click();

    await expect(explorer.forbidden).toContainText('Policy “freeze-production-vps” denies vps:apiovh:reboot');
    await expect(explorer.forbidden.getByRole('table')).toContainText('freeze-production-vps');
    await expect(explorer.forbidden.getByLabel('Changes to freeze-production-vps')).toContainText(
      '"action": "vps:apiovh:reboot"',
    );
    await expect(explorer.forbidden).toContainText('A new policy cannot help here');
  });

  test('a call refused by an except names the policy and the except', async ({ explorer, page }) => {
    await explorer.goto();
    await explorer.signIn(OPS.clientId, OPS.clientSecret);
    await page.request.post('/api/session/helper', {
      data: ADMIN,
      headers: { Origin: new URL(page.url()).origin },
    });
    await explorer.open('DELETE /vps/{serviceName}/ips/{ipAddress}', 'vps:apiovh:ips/delete');
    await explorer.parameter('serviceName').fill('vps-1a2b3c4d.vps.ovh.net');
    await explorer.parameter('ipAddress').fill('198.51.100.21');
    await explorer.send.click();
    await expect(explorer.forbidden).toContainText(
      'Policy “ops-vps” allows vps:apiovh:* but excepts vps:apiovh:ips/delete',
    );
    await expect(explorer.forbidden).toContainText('Drop the except of vps:apiovh:ips/delete from “ops-vps”');
  });

  test('a list call says which optional actions may hide items', async ({ explorer, page }) => {
    await explorer.goto();
    await explorer.signIn(NETWORK.clientId, NETWORK.clientSecret);
    await explorer.open('GET /vrack/{serviceName}/allowedServices', 'allowedServices');
    await explorer.parameter('serviceName').fill('pn-12345');
    await explorer.send.click();
    await expect(explorer.responseStatus).toHaveText(/^200/);
    await expect(
      page.getByText(
        /This answer may leave items out: each item also needs dedicatedServer:apiovh:vrack\/attach/,
      ),
    ).toBeVisible();
  });
});

test.describe('support tools without a session', () => {
  test('a pasted 403 is explained from the body, the request line and the identity', async ({
    page,
    checkA11y,
  }) => {
    await page.goto('/?page=diagnose');
    await page.getByRole('textbox', { name: 'Response body' }).fill(
      JSON.stringify({
        class: 'Client::Forbidden',
        message: 'User not granted for this request',
        details: { unauthorizedActionsByAuthentication: '', unauthorizedActionsByIAM: 'vps:apiovh:reboot' },
      }),
    );
    await page
      .getByRole('textbox', { name: 'Request' })
      .fill('POST /1.0/vps/vps-5b48d78b.vps.ovh.net/reboot');
    await page.getByRole('textbox', { name: 'Identity URN' }).fill(OPS_IDENTITY);
    await page.getByRole('button', { name: 'Explain' }).click();
    const why = page.getByRole('region', { name: 'Why was this call forbidden?' });
    await expect(why).toContainText('vps:apiovh:reboot');
    await expect(why).toContainText('urn:v1:eu:resource:vps:vps-5b48d78b.vps.ovh.net');
    await expect(why).toContainText(OPS_IDENTITY);
    await expect(why.getByTestId('monaco-editor')).toContainText(/"action":\s*"vps:apiovh:reboot"/);
    await checkA11y();
  });

  test('a malformed paste is explained and kept', async ({ page }) => {
    await page.goto('/?page=diagnose');
    await page.getByRole('textbox', { name: 'Response body' }).fill('{"class": "Client::Forbidden",');
    await page.getByRole('button', { name: 'Explain' }).click();
    await expect(page.getByText(/The response body is not JSON/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Response body' })).toHaveValue(
      '{"class": "Client::Forbidden",',
    );
  });

  test('the simulator decides every operation of a section and shows the deciding statement', async ({
    page,
  }) => {
    await page.goto('/?page=simulator');
    const decisions = page.getByRole('table');
    await expect(decisions).toContainText('Allowed');
    const refused = page.getByRole('row', {
      name: /DELETE \/hosting\/web\/\{serviceName\}\/attachedDomain\/\{domain\}/,
    });
    await expect(refused).toContainText('Denied');
    await expect(refused).toContainText('excepts webHosting:apiovh:attachedDomain/delete');
    await refused.getByRole('button', { name: 'Show the statement' }).click();
    // Monaco marks the statement (a decoration over one or more lines).
    await expect(page.locator('.json-editor__highlight').first()).toBeVisible();

    await page
      .getByRole('textbox', { name: 'Resource URN' })
      .fill('urn:v1:eu:resource:webHosting:yyyyyyy.cluster002.hosting.ovh.net');
    const read = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'GET /hosting/web/{serviceName}', exact: true }) });
    await expect(read).toContainText('No policy allows');
  });
});
