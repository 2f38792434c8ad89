// End-to-end tests of the Ratios view on the release build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const GROUPS = ['profitability', 'returns', 'liquidity', 'solvency', 'efficiency', 'per-share', 'growth', 'cash-flow', 'plan', 'parent'];

const env = useServerAndBrowser();

describe('Ratios', () => {
  test('every group loads with values and no n/a', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    for (const g of GROUPS) {
      await openView(page, env.srv.base, `#/ratios?g=${g}`);
      const cells = page.locator(`[data-testid="ratios-${g}"] button.fig`);
      assert.ok((await cells.count()) > 0, `${g} has values`);
      assert.ok(!(await cells.allInnerTexts()).includes('n/a'), `${g} has no n/a`);
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('the work panel of a ratio links each input to its source', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/ratios?g=plan');
    // Revenue growth a year to JPY 100 billion in FY2010 from FY2007's 66,835,299 thousand:
    // (100,000,000 / 66,835,299)^(1/3) - 1 = 14.38% (Python decimal).
    await page.click('[data-ratio="target_revenue_cagr@FY2007→FY2010"]');
    await page.waitForSelector('[data-testid="work-panel"]');
    assert.equal(await page.innerText('[data-testid="work-formula"]'), 'cagr(target.revenue, cis.revenue, 3)');
    assert.match(await page.innerText('[data-testid="work-shown"]'), /^14\.38%/);
    assert.match(page.url(), /r=target_revenue_cagr&p=FY2007%E2%86%92FY2010/);
    // Follow the revenue input to its source line.
    await page.click('[data-testid="work-inputs"] a:text-is("Total revenues")');
    await page.waitForSelector('[data-testid="fact-panel"]');
    assert.equal(await page.innerText('[data-testid="fact-printed"]'), '66,835,299');
    assert.match(await page.innerText('[data-testid="fact-line"]'), /^line 487 of /);
    // Back returns to the ratio with its work panel.
    await page.goBack();
    await page.waitForSelector('[data-testid="work-panel"]');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a ratio definition appears on keyboard focus', async () => {
    const { page, context } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/ratios?g=liquidity');
    const term = page.locator('.term').first();
    await term.focus();
    const tip = page.locator('#def-current_ratio');
    assert.ok(await tip.isVisible());
    assert.match(await tip.innerText(), /Current assets divided by current liabilities/);
    await context.close();
  });
});
