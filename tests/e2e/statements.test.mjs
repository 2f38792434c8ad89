// End-to-end tests of the Statements and Overview views on the release build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const STATEMENTS = ['income', 'balance', 'equity', 'cashflow', 'trend', 'segments', 'quarters', 'nc-income', 'nc-balance', 'nc-equity', 'company', 'plan'];

const env = useServerAndBrowser();

describe('Statements', () => {
  test('every statement loads by its URL, in every unit, with no console error', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    for (const s of STATEMENTS) {
      for (const unit of ['k', 'm', 'b']) {
        await openView(page, env.srv.base, `#/statements?s=${s}&unit=${unit}`);
        const table = page.locator(`[data-testid="table-${s}"]`);
        await table.waitFor();
        assert.ok((await table.locator('tbody tr').count()) > 3, `${s} has rows`);
        assert.equal(await page.locator('[data-testid="url-problems"]').count(), 0);
      }
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('switching units rescales the figures and keeps the state in the URL', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/statements?s=income');
    const revenue = page.locator('[data-fig="cis.revenue"]');
    assert.equal(await revenue.innerText(), '66,835,299');
    await page.selectOption('[data-testid="unit"]', 'm');
    await page.waitForFunction(() => document.querySelector('[data-fig="cis.revenue"]')?.textContent === '66,835');
    assert.match(page.url(), /s=income&unit=m/);
    await page.selectOption('[data-testid="unit"]', 'b');
    await page.waitForFunction(() => document.querySelector('[data-fig="cis.revenue"]')?.textContent === '66.8');
    await page.check('[data-testid="common-size"]');
    // Operating income / revenues = 4,759,364 / 66,835,299 = 7.1%.
    await page.waitForFunction(() => document.querySelector('[data-fig="income.operating_income.cs0"]')?.textContent === '7.1');
    // Back undoes the common-size switch.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[data-fig="cis.revenue"]')?.textContent === '66.8');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a figure opens its source, and the link reproduces the selection', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/statements?s=balance&unit=m');
    await page.click('[data-fig="cbs.accumulated_deficit"]');
    await page.waitForSelector('[data-testid="fact-panel"]');
    // From the notice: "Accumulated deficit	(19,555,489)" on line 467.
    assert.equal(await page.innerText('[data-testid="fact-printed"]'), '(19,555,489)');
    assert.match(await page.innerText('[data-testid="fact-line"]'), /^line 467 of /);
    assert.match(page.url(), /fig=cbs\.accumulated_deficit$/);
    const again = await context.newPage();
    await again.goto(page.url());
    await appReady(again);
    await again.waitForSelector('[data-testid="fact-panel"]');
    assert.equal(await again.innerText('[data-testid="fact-printed"]'), '(19,555,489)');
    assert.equal(await again.inputValue('[data-testid="unit"]'), 'm');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('negatives with a triangle, as Japanese statements print them, kept in the link', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/statements?s=income');
    // Interest expense, printed (438,163) in JPY thousands (the notice's income statement).
    assert.equal(await page.innerText('[data-fig="cis.interest_expense"]'), '-438,163');
    await page.selectOption('[data-testid="negatives"]', 'tri');
    await page.waitForFunction(() => /[?&]neg=tri(&|$)/.test(location.hash));
    assert.equal(await page.innerText('[data-fig="cis.interest_expense"]'), '△438,163');
    assert.equal(await page.inputValue('[data-testid="negatives"]'), 'tri');
    assert.match(await page.innerText('[data-testid="table-income"] caption'), /negatives with a triangle \(△\)/);
    // The CSV keeps numbers a spreadsheet reads: a minus sign.
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator('.table-tools [data-testid="csv"]').first().click()]);
    const csv = (await import('node:fs')).readFileSync(await d.path(), 'utf8');
    assert.match(csv, /,-438163[,\r]/);
    // The link reopens it, in Japanese too: the accumulated deficit, printed (19,555,489).
    await openView(page, env.srv.base, '#/statements?s=balance&neg=tri&lang=ja');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    assert.equal(await page.innerText('[data-fig="cbs.accumulated_deficit"]'), '△19,555,489');
    assert.match(await page.innerText('[data-testid="table-balance"] caption'), /負の数は△/);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('junk in the URL gives clear messages and a working view', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/statements?s=%3Cb%3Ex&unit=trillions&neg=red&fig=zzz');
    const text = await page.innerText('[data-testid="url-problems"]');
    assert.match(text, /There is no statement called “<b>x”/);
    assert.match(text, /“trillions” is not a unit/);
    assert.match(text, /“neg=red” is not understood/);
    assert.match(await page.innerText('[data-testid="fact-panel"]'), /no figure “zzz”/);
    await page.click('[data-testid="tab-balance"]');
    await page.waitForSelector('[data-testid="table-balance"]');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('on a 360 px phone the label column stays in view while figures scroll', async () => {
    const { page, context, problems } = await recordedPage(env.browser, { viewport: { width: 360, height: 740 } });
    await openView(page, env.srv.base, '#/statements?s=income&unit=m');
    const scroller = page.locator('.table-scroll').first();
    const label = page.locator('[data-testid="table-income"] tbody tr:nth-child(9) th');
    const before = await label.boundingBox();
    await scroller.evaluate((el) => { el.scrollLeft = 200; });
    const after = await label.boundingBox();
    assert.equal(Math.round(after.x), Math.round(before.x), 'the label column is sticky');
    assert.ok(await scroller.evaluate((el) => el.scrollLeft > 0), 'the table scrolls sideways');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page itself does not scroll sideways (${width}px)`);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});

describe('Overview', () => {
  test('headlines, progress to the target, and a figure to its source', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/overview');
    assert.match(await page.innerText('[data-testid="progress"]'), /66\.8% of the target/);
    assert.equal(await page.innerText('[data-fig="headlines.revenue.pct"]'), '17.1');
    await page.click('[data-fig="forecast.revenue"]');
    await page.waitForSelector('[data-testid="fact-panel"]');
    assert.equal(await page.innerText('[data-testid="fact-printed"]'), '78.5');
    assert.match(await page.innerText('[data-testid="fact-document"]'), /Nomura Asia Equity Forum/);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
