import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';

/** Sandbox-only demo credentials (README, "Sandbox accounts"). */
export const GUIDE = { clientId: '0f0f0f0f0f0f0f0f', clientSecret: 'xxxxx' };
export const ADMIN = { clientId: 'a0a0a0a0a0a0a0a0', clientSecret: 'admin-demo-secret' };
export const GUIDE_HOSTING = 'xxxxxxx.cluster001.hosting.ovh.net';
export const GUIDE_IDENTITY = 'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f';

export const OPS = { clientId: 'c0c0c0c0c0c0c0c0', clientSecret: 'ops-demo-secret' };
export const NETWORK = { clientId: '1a1a1a1a1a1a1a1a', clientSecret: 'network-demo-secret' };

export const test = base.extend<{
  explorer: ExplorerPage;
  checkA11y: () => Promise<void>;
  freshSandbox: undefined;
}>({
  // Every test starts from the sandbox's seed: a policy one test creates must not change another's story.
  freshSandbox: [
    async ({ request }, use) => {
      const reset = await request.post('/sandbox/_sandbox/reset');
      expect(reset.ok()).toBe(true);
      await use(undefined);
    },
    { auto: true },
  ],
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
