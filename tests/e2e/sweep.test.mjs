// End-to-end sweep of the release build: every view, every statement, ratio group and
// preset, in both languages, with no console error or warning; and junk in every URL
// parameter of every view gives a clear message and a working page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

const STATEMENTS = ['income', 'balance', 'equity', 'cashflow', 'trend', 'segments', 'quarters', 'nc-income', 'nc-balance', 'nc-equity', 'company', 'plan'];
const GROUPS = ['profitability', 'returns', 'liquidity', 'solvency', 'efficiency', 'per-share', 'growth', 'cash-flow', 'plan', 'parent'];
const PRESETS = ['plan', 'trend', 'target', 'cautious'];
const PAGES = [
  ['overview', '#/overview'],
  ...STATEMENTS.map((s) => ['statements', `#/statements?s=${s}`]),
  ...GROUPS.map((g) => ['ratios', `#/ratios?g=${g}`]),
  ...PRESETS.map((p) => ['scenarios', `#/scenarios?preset=${p}`]),
  ['charts', '#/charts'],
  ['sources', '#/sources'],
];

// A value no parameter accepts: markup, a bad escape, non-ASCII, separators.
const JUNK = encodeURIComponent('<b>junk</b>%zz日~1~2');
// (view, parameter, where its message appears)
const PARAMS = [
  ['statements', 's', '[data-testid="url-problems"]'],
  ['statements', 'unit', '[data-testid="url-problems"]'],
  ['statements', 'cs', '[data-testid="url-problems"]'],
  ['statements', 'neg', '[data-testid="url-problems"]'],
  ['statements', 'fig', '[data-testid="fact-panel"][role="alert"]'],
  ['overview', 'fig', '[data-testid="fact-panel"][role="alert"]'],
  ['ratios', 'g', '[data-testid="url-problems"]'],
  ['ratios', 'r', '[data-testid="url-problems"]'],
  ['scenarios', 'preset', '[data-testid="url-problems"]'],
  ['scenarios', 'ty', '[data-testid="url-problems"]'],
  ['scenarios', 'g_si', '[data-testid="url-problems"]'],
  ['scenarios', 'tax', '[data-testid="url-problems"]'],
  ['scenarios', 'dps', '[data-testid="url-problems"]'],
  ['sources', 'fact', '[role="alert"]'],
  ['sources', 'section', '[role="alert"]'],
  ['sources', 'status', '[data-testid="filter-message"]'],
  ['sources', 'q', '[data-testid="search-count"]'],
  ['charts', 'lang', '[data-testid="pref-problems"]'],
];

describe('Sweep', () => {
  for (const lang of ['en', 'ja']) {
    test(`every view, statement, ratio group and preset opens cleanly, ${lang}`, async () => {
      const { page, context, problems } = await recordedPage(env.browser);
      for (const [view, fragment] of PAGES) {
        await openView(page, env.srv.base, `${fragment}&lang=${lang}`.replace(/^(#\/[a-z]+)&/, '$1?'));
        await page.waitForSelector(`[data-testid="view-${view}"]`);
        assert.equal(await page.locator('[data-testid="url-problems"]').count(), 0, `${fragment}: no URL problem`);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      }
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }

  test('junk in every URL parameter gives a clear message and a working page', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    for (const [view, param, message] of PARAMS) {
      await openView(page, env.srv.base, `#/${view}?${param}=${JUNK}`);
      await page.waitForSelector(`[data-testid="view-${view}"]`);
      const text = await page.locator(message).first().innerText();
      assert.ok(text.trim().length > 10, `${view} ${param}: a message (${text})`);
      // The markup in the value is shown as text, never parsed.
      assert.equal(await page.locator('main b:text-is("junk")').count(), 0, `${view} ${param}: no markup injected`);
      // The page still works: the navigation and the view's main content are there.
      assert.ok(await page.locator('main h2').first().isVisible());
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
