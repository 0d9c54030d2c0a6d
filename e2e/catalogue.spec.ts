import { expect, test } from './fixtures';

test.describe('the catalogue, as a user looks things up', () => {
  test('searching a full action name lists every operation that needs it, required or optional', async ({
    explorer,
    page,
  }) => {
    await explorer.goto();
    await explorer.search.fill('dedicatedServer:apiovh:vrack/attach');
    await expect(page.getByTestId('result-count')).toHaveText(
      '2 operations match “dedicatedServer:apiovh:vrack/attach”',
    );
    await expect(explorer.operation('POST /vrack/{serviceName}/dedicatedServer')).toBeVisible();
    await expect(explorer.operation('GET /vrack/{serviceName}/allowedServices')).toBeVisible();
  });

  test('a wildcard lists the operations it grants, and its page tells full grants from partial ones', async ({
    explorer,
    page,
    checkA11y,
  }) => {
    await explorer.goto();
    await explorer.search.fill('vps:apiovh:ips/*');
    await expect(page.getByTestId('result-count')).toHaveText('3 operations match “vps:apiovh:ips/*”');
    await expect(explorer.operation('DELETE /vps/{serviceName}/ips/{ipAddress}')).toBeVisible();

    await explorer.goto('/?action=vrack%3A*');
    await expect(page.getByRole('heading', { level: 2, name: 'vrack:*' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /It grants \d+ actions/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /half of 1 more operation/ })).toBeVisible();
    await checkA11y();
    await page.getByRole('link', { name: 'vrack:apiovh:dedicatedServer/attach' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: 'vrack:apiovh:dedicatedServer/attach' }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'vrack', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'vrack', exact: true })).toBeVisible();
    await expect(page.getByRole('table')).toContainText('vrack:apiovh:allowedServices/get');
  });

  test('a deprecated operation says since when, until when, and links to its replacement', async ({
    explorer,
    page,
  }) => {
    await explorer.goto();
    await explorer.search.fill('monitoring');
    await explorer.operation('GET /vps/{serviceName}/monitoring').click();
    await expect(page.getByText('DEPRECATED', { exact: true }).last()).toBeVisible();
    await expect(page.getByText(/Deprecated since 2026-03-01, removed on 2027-03-01/)).toBeVisible();
    await page.getByRole('link', { name: '/vps/{serviceName}/statistics' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: 'GET /vps/{serviceName}/statistics' }),
    ).toBeVisible();
    await expect(page.getByText('BETA', { exact: true }).last()).toBeVisible();
  });

  test('hiding deprecated operations and keeping those without IAM action', async ({ explorer, page }) => {
    await explorer.goto();
    await explorer.search.fill('monitoring');
    await expect(explorer.operation('GET /vps/{serviceName}/monitoring')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Hide deprecated' }).check();
    await expect(page.getByTestId('result-count')).toHaveText('0 operations match “monitoring”');
    await explorer.search.fill('');
    await page.getByRole('checkbox', { name: 'Needs no IAM action' }).check();
    await expect(explorer.operation('GET /auth/time')).toBeVisible();
    await expect(explorer.operation('GET /me')).toHaveCount(0);
  });

  test('the palette opens with Ctrl-K and reaches operations, actions and sections from the keyboard', async ({
    explorer,
    page,
    checkA11y,
  }) => {
    await explorer.goto();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('combobox', { name: 'Search operations, actions and sections' });
    const results = page.getByRole('listbox', { name: 'Results' });
    await expect(palette).toBeFocused();
    await palette.fill('vps reboot');
    await expect(results.getByRole('option').first()).toContainText('/vps/{serviceName}/reboot');
    await checkA11y();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { level: 2, name: 'POST /vps/{serviceName}/reboot' }),
    ).toBeVisible();

    await page.keyboard.press('Control+k');
    await palette.fill('account:apiovh:me/get');
    await expect(results.getByRole('option', { selected: true })).toContainText('account:apiovh:me/get');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'account:apiovh:me/get' })).toBeVisible();
    await expect(page.getByRole('link', { name: /\/me$/ }).first()).toBeVisible();

    await page.keyboard.press('Control+k');
    await palette.fill('xyz-nothing');
    await expect(page.getByText('Nothing matches.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
  });

  test('arrow keys move through the results and Enter opens one', async ({ explorer, page }) => {
    await explorer.goto();
    await explorer.search.fill('vps:apiovh:get');
    await expect(page.getByTestId('result-count')).toHaveText('2 operations match “vps:apiovh:get”');
    await explorer.search.press('ArrowDown');
    await expect(explorer.operation('GET /vps')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(explorer.operation('GET /vps/{serviceName}')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'GET /vps/{serviceName}' })).toBeVisible();
  });

  test('a deep link to a search, a filter and an operation reopens them after a reload', async ({
    explorer,
    page,
  }) => {
    await explorer.goto('/?q=webHosting%3A*&op=PUT+%2Fhosting%2Fweb%2F%7BserviceName%7D');
    await expect(
      page.getByRole('heading', { level: 2, name: 'PUT /hosting/web/{serviceName}' }),
    ).toBeVisible();
    await expect(explorer.search).toHaveValue('webHosting:*');
    await expect(page.getByTestId('result-count')).toHaveText(/operations match “webHosting:\*”/);
    await page.reload();
    await expect(
      page.getByRole('heading', { level: 2, name: 'PUT /hosting/web/{serviceName}' }),
    ).toBeVisible();
  });

  test('v2 sections are a click away, with their pagination headers', async ({ explorer, page }) => {
    await explorer.goto();
    await page.getByRole('radio', { name: 'v2' }).check();
    await explorer.open('GET /vrackServices/resource', 'vrackServices resource');
    await expect(explorer.parameter('X-Pagination-Size')).toBeVisible();
    await expect(explorer.parameter('X-Pagination-Cursor')).toBeVisible();
  });
});
