import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';

/** Sandbox-only demo credentials (README, "Sandbox accounts"). */
export const GUIDE = { clientId: '0f0f0f0f0f0f0f0f', clientSecret: 'xxxxx' };
export const ADMIN = { clientId: 'a0a0a0a0a0a0a0a0', clientSecret: 'admin-demo-secret' };
export const GUIDE_HOSTING = 'xxxxxxx.cluster001.hosting.ovh.net';
export const GUIDE_IDENTITY = 'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f';

export const test = base.extend<{ explorer: ExplorerPage; checkA11y: () => Promise<void> }>({
  explorer: async ({ page }, use) => {
    await use(new ExplorerPage(page));
  },
  checkA11y: async ({ page }, use) => {
    await use(async () => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(
        results.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        ),
      ).toEqual([]);
    });
  },
});

export { expect };
