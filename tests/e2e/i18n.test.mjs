// End-to-end tests of the Japanese edition on the release build: the switch, the URL and
// the remembered choice, and known Japanese labels and formatted numbers on every view.
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

const text = (page, selector) => page.locator(selector).first().innerText();

describe('Japanese', () => {
  test('the switch sets the language, <html lang> and the URL, and is remembered', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/overview');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.click('[data-testid="lang-ja"]');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    assert.match(page.url(), /#\/overview\?lang=ja$/);
    assert.equal(await page.getAttribute('[data-testid="lang-ja"]', 'aria-pressed'), 'true');
    assert.equal(await text(page, '[data-testid="nav-overview"]'), '概要');
    assert.equal(await page.title(), '概要 · IIJ Financial Explorer');
    // Following a link keeps the language in the URL.
    await page.click('[data-testid="nav-ratios"]');
    await page.waitForFunction(() => /#\/ratios\?lang=ja$/.test(location.href));
    // Remembered: a bookmark without the parameter opens in Japanese.
    await page.goto(`${env.srv.base}#/statements`);
    await page.waitForSelector('[data-testid="view-statements"]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    await page.waitForFunction(() => /lang=ja/.test(location.href));
    // Back to English: the parameter goes.
    await page.click('[data-testid="lang-en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    // The address bar is written once changes settle (router::replace_route).
    await page.waitForFunction(() => !/lang=/.test(location.href));
    assert.doesNotMatch(page.url(), /lang=/);
    assert.equal(await text(page, 'main h2'), 'Statements');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('every view reads in Japanese with Japanese units and periods', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/overview?lang=ja');
    assert.equal(await text(page, 'main h2'), '概要');
    // The trend chart in 億円: FY2007 revenues 66,835,299 thousand = 668億円, labelled 2008年3月期.
    const trend = page.locator('[data-testid="chart-trend"]');
    await trend.locator('[data-testid="chart-table-switch"]').click();
    const row = await trend.locator('tr', { has: page.locator('th:text-is("2008年3月期")') }).locator('th, td').allInnerTexts();
    assert.deepEqual(row, ['2008年3月期', '668', '48', '実績']);

    await openView(page, env.srv.base, '#/statements?s=income&unit=oku&lang=ja');
    assert.equal(await text(page, '[data-testid="tab-income"]'), '損益計算書');
    const head = await page.locator('[data-testid="table-income"] thead th').allInnerTexts();
    assert.deepEqual(head.slice(0, 3), ['科目', '2008年3月期', '2007年3月期']);
    // 売上高合計 in 億円: 66,835,299 thousand yen = 668.4億円; 営業利益 4,759,364 thousand = 47.6.
    const revenue = await page.locator('[data-testid="table-income"] tr', { has: page.locator('th:text-is("売上高合計")') }).locator('td').first().innerText();
    assert.equal(revenue, '668.4');
    const oi = await page.locator('[data-testid="table-income"] tr', { has: page.locator('th:text-is("営業利益")') }).locator('td').first().innerText();
    assert.equal(oi, '47.6');

    await openView(page, env.srv.base, '#/ratios?g=profitability&lang=ja');
    assert.equal(await text(page, '[data-testid="group-profitability"]'), '収益性');
    // 売上高営業利益率 FY2007: 4,759,364 / 66,835,299 = 7.1%.
    assert.equal(await page.locator('[data-ratio="operating_margin@FY2007"]').innerText(), '7.1%');
    assert.match(await text(page, '[data-testid="ratios-profitability"]'), /売上高営業利益率/);
    // The work of a ratio names its inputs in Japanese: FY2005 operating income, printed
    // 2,411,144 (JPY thousands) in the notice's trend table (line 137), for 2006年3月期.
    await openView(page, env.srv.base, '#/ratios?r=operating_margin&p=FY2005&lang=ja');
    const inputs = await text(page, '[data-testid="work-inputs"]');
    assert.match(inputs, /営業利益: 2,411,144 千円 \(2006年3月期\)/);
    assert.doesNotMatch(inputs, /JPY|FY20|Operating|Revenues/);
    // So does a derived figure's panel: gross margin = 売上高合計 - 売上原価合計.
    await openView(page, env.srv.base, '#/statements?s=income&fig=income.gross_margin.c0&lang=ja');
    const derived = await text(page, '[data-testid="derived-inputs"]');
    assert.match(derived, /売上高合計: 66,835,299 千円/);
    assert.doesNotMatch(derived, /JPY|Total/);

    await openView(page, env.srv.base, '#/scenarios?preset=plan&lang=ja');
    assert.equal(await text(page, '[data-testid="preset-plan"]'), '会社計画');
    // The company plan's FY2010 revenues, 108.29 billion, as 1,082.9億円.
    assert.match(await text(page, '[data-testid="target-revenue"]'), /^達成\s*2011年3月期の売上高1,000億円超: 1,082\.9億円/);

    // A URL problem and a refused typed value, in Japanese.
    await openView(page, env.srv.base, '#/scenarios?preset=bogus&lang=ja');
    assert.equal(await text(page, '[data-testid="url-problems"]'), 'プリセット「bogus」はありません。会社計画を使います。');
    await page.fill('[data-driver="tax@2008"]', '999');
    await page.press('[data-driver="tax@2008"]', 'Enter');
    assert.match(await text(page, '[data-testid="input-error"]'), /^2009年3月期の実効税率が999です。.*シナリオは変更されていません。$/);

    await openView(page, env.srv.base, '#/charts?lang=ja');
    assert.equal(await page.getByRole('img', { name: '売上高と営業利益: 2005年3月期～2008年3月期、2009年3月期予想、中期目標', exact: true }).count(), 1);

    await openView(page, env.srv.base, '#/sources?fact=cis.revenue&lang=ja');
    assert.equal(await text(page, 'main h2'), '出典と検証');
    assert.equal(await text(page, '#fact-panel-title'), '売上高合計');
    assert.equal(await text(page, '[data-testid="fact-value"]'), '66,835,299 千円');
    // The documents table: dates and printed units in Japanese too (the notice of June 9, 2008).
    const docs = await text(page, 'main table:has([data-testid="count-notice"])');
    assert.match(docs, /2008年6月9日/);
    assert.match(docs, /千円\(本文の一部は百万円\)、1株当たりは円/);
    assert.doesNotMatch(docs, /June|JPY/);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('the scenario tools speak Japanese, and a statement CSV is in Japanese as shown', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/scenarios?preset=plan&lang=ja');
    // Monte Carlo: a bad value names its field in Japanese; a number typed with a thousands
    // separator, as the page shows numbers, is accepted.
    await page.fill('[data-testid="mc-paths"]', 'many');
    await page.click('[data-testid="mc-run"]');
    assert.match(await text(page, '[data-testid="mc-problem"]'), /^パス数: 「many」は100から100,000の数値でなければなりません。/);
    await page.fill('[data-testid="mc-paths"]', '10,000');
    await page.click('[data-testid="mc-run"]');
    await page.waitForSelector('[data-testid="mc-result"]');
    assert.equal(await page.locator('[data-testid="mc-problem"]').count(), 0);
    // Saved scenarios: the name message and the comparison's current scenario.
    await page.fill('[data-testid="save-name"]', '   ');
    await page.click('[data-testid="save"]');
    assert.equal(await text(page, '[data-testid="save-message"]'), 'シナリオに1～60文字の名前を付けてください。');
    assert.deepEqual(await page.locator('[data-testid="compare-a"] option').allInnerTexts(), ['現在のシナリオ']);

    await openView(page, env.srv.base, '#/statements?s=income&lang=ja');
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="csv"]').first().click()]);
    const lines = (await readFile(await d.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    assert.match(lines[0], /\(千円\)$/);
    assert.match(lines[1], /^科目,2008年3月期,2007年3月期,/);
    // 売上高合計 FY2007: 66,835,299 thousand yen, as on the page.
    assert.ok(lines.some((l) => l.startsWith('売上高合計,66835299,')), lines.join('\n'));
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a route that is not a view opens in Japanese without the URL being rewritten', async () => {
    // Regression: keeping lang=ja in the URL once looped forever on a not-found route.
    const { page, context, problems } = await recordedPage(env.browser);
    await context.addInitScript(() => localStorage.setItem('iij-explorer/lang', 'ja'));
    await openView(page, env.srv.base, '#/no-such-view');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    assert.match(page.url(), /#\/no-such-view$/);
    await page.click('[data-testid="nav-charts"]');
    await page.waitForFunction(() => /#\/charts\?lang=ja$/.test(location.href));
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a lang parameter that is not a language is reported and the page works', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/overview?lang=klingon');
    assert.equal(await text(page, '[data-testid="pref-problems"]'), '“lang=klingon” is not a language (en or ja); the page stays in English.');
    assert.doesNotMatch(page.url(), /lang=/);
    assert.equal(await text(page, 'main h2'), 'Overview');
    await page.evaluate(() => localStorage.setItem('iij-explorer/lang', 'fr'));
    await page.reload();
    // The prerendered Overview is there at once; the settings are the app's.
    await appReady(page);
    assert.match(await text(page, '[data-testid="pref-problems"]'), /The saved language “fr” is not understood; English is used\./);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
