import { expect, type Locator, type Page } from '@playwright/test';

/** The explorer as a user sees it: every locator by role and accessible name. */
export class ExplorerPage {
  readonly region: Locator;
  readonly clientId: Locator;
  readonly clientSecret: Locator;
  readonly connect: Locator;
  readonly disconnect: Locator;
  readonly useDemoAccount: Locator;
  readonly signedIn: Locator;
  readonly search: Locator;
  readonly send: Locator;
  readonly responseStatus: Locator;
  readonly responseBody: Locator;
  readonly forbidden: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('combobox', { name: 'Region' });
    this.clientId = page.getByRole('textbox', { name: 'Client ID' });
    this.clientSecret = page.getByRole('textbox', { name: 'Client secret' });
    this.connect = page.getByRole('button', { name: 'Connect' });
    this.disconnect = page.getByRole('button', { name: 'Disconnect' });
    this.useDemoAccount = page.getByRole('button', { name: 'Use demo account' });
    this.signedIn = page.getByRole('region', { name: 'Signed-in identity' });
    this.search = page.getByRole('searchbox', { name: 'Search endpoints' });
    this.send = page.getByRole('button', { name: 'Send' });
    this.responseStatus = page.getByTestId('response-status');
    this.responseBody = page.getByLabel('Response body');
    this.forbidden = page.getByRole('region', { name: 'Why was this call forbidden?' });
  }

  async goto(path = '/') {
    await this.page.goto(path);
    await expect(this.region).toBeEnabled();
  }

  async signIn(clientId: string, clientSecret: string) {
    await this.clientId.fill(clientId);
    await this.clientSecret.fill(clientSecret);
    await this.connect.click();
    await expect(this.signedIn).toBeVisible();
  }

  operation(methodAndPath: string): Locator {
    return this.page.getByRole('link', { name: methodAndPath, exact: true });
  }

  async open(methodAndPath: string, searchFor = methodAndPath.split(' ')[1] ?? '') {
    await this.search.fill(searchFor);
    await this.operation(methodAndPath).click();
    await expect(this.page.getByRole('heading', { level: 2, name: methodAndPath })).toBeVisible();
  }

  parameter(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }
}
