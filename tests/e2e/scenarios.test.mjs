// End-to-end tests of the Scenarios view on the release build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

describe('Scenarios', () => {
  test('a driver change updates the targets panel, and the link reproduces it', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/scenarios');
    const oi = page.locator('[data-testid="target-oi"]');
    assert.match(await oi.innerText(), /not met/);
    // Raise the systems-integration gross margin to 40% in every year.
    for (const year of [2008, 2009, 2010, 2011, 2012]) {
      await page.fill(`[data-driver="gm_si@${year}"]`, '40');
      await page.press(`[data-driver="gm_si@${year}"]`, 'Enter');
    }
    await page.waitForFunction(() => !/not met/.test(document.querySelector('[data-testid="target-oi"]').textContent));
    const text = await oi.innerText();
    assert.match(page.url(), /gm_si=40/);
    const again = await context.newPage();
    await again.goto(page.url());
    await again.waitForSelector('[data-testid="target-oi"]');
    assert.equal(await again.locator('[data-testid="target-oi"]').innerText(), text);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('every preset loads, and goal seek solves and applies', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    for (const p of ['plan', 'trend', 'target', 'cautious']) {
      await openView(page, env.srv.base, `#/scenarios?preset=${p}`);
      await page.waitForSelector('[data-testid="projection"]');
    }
    await openView(page, env.srv.base, '#/scenarios?preset=plan');
    await page.click('[data-testid="gs-solve"]');
    // Operating margin from FY2008 so that FY2010 operating income is 10 billion:
    // FY2010 revenues are 108.29 billion in the plan, so 10 / 108.29 = 9.23%.
    assert.match(await page.innerText('[data-testid="gs-answer"]'), /^Operating margin: 9\.23% meets the target in FY2010/);
    await page.click('[data-testid="gs-apply"]');
    await page.waitForFunction(() => /^met/.test(document.querySelector('[data-testid="target-oi"]').textContent.trim()));
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a hand-edited URL keeps what it can and says what it could not use', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/scenarios?preset=bogus&g_si=abc&tax=999&ty=1999&gm_cvas=20');
    const text = await page.innerText('[data-testid="url-problems"]');
    assert.match(text, /no preset “bogus”/);
    assert.match(text, /“abc” is not a number/);
    assert.match(text, /must be between -100 and 100/);
    assert.match(text, /“ty=1999” is not a target year/);
    assert.equal(await page.inputValue('[data-driver="gm_cvas@2010"]'), '20');
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
