// End-to-end tests of exports, the theme setting and printing on the release build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { appReady, openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

/** Clicks `selector` and returns the downloaded file's name and bytes. */
async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r') { /* part of CRLF */ }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  return rows;
}

const plain = (shown) => Number(shown.replace(/\*$/, '').replace(/,/g, '').replace(/^\((.*)\)$/, '-$1'));

describe('Exports', () => {
  test('a statement CSV has a BOM and re-parses to the numbers shown', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/statements?s=income&neg=paren&unit=m');
    const { name, bytes } = await download(page, '[data-testid="csv"]');
    assert.equal(name, 'iij-income.csv');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    assert.match(rows[0][0], /JPY millions/);
    // Every figure on the page equals its CSV cell, row by row.
    const shown = await page.locator('[data-testid="table-income"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
    const body = rows.slice(2);
    assert.equal(body.length, shown.length);
    for (const [i, cells] of shown.entries()) {
      assert.equal(body[i][0], cells[0]);
      for (const [j, text] of cells.slice(1).entries()) {
        if (text === '') assert.equal(body[i][j + 1], '');
        else assert.equal(Number(body[i][j + 1]), plain(text), `${cells[0]} column ${j + 1}: ${text}`);
      }
    }
    // Interest expense, the notice: (438,163) thousand = (438) million, exported as -438.
    assert.ok(body.some((r) => r[0] === 'Interest expense' && r[1] === '-438'));
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('ratios, the scenario projection and the sensitivity grid export as CSV', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/ratios?g=profitability');
    let csv = await download(page, '[data-testid="csv"]');
    assert.equal(csv.name, 'iij-ratios-profitability.csv');
    // Operating margin as shown, FY2004 to FY2008F: 1,247,651 / 41,702,567 = 3.0% ... FY2007
    // 4,759,364 / 66,835,299 = 7.1%; the forecast 5.2 / 78.5 = 6.6%.
    assert.match(csv.bytes.toString('utf8'), /\r\nOperating margin \(%\),3\.0,4\.8,6\.1,7\.1,6\.6\r\n/);
    await openView(page, env.srv.base, '#/scenarios?preset=plan');
    csv = await download(page, '.table-tools [data-testid="csv"]');
    assert.equal(csv.name, 'iij-scenario-projection.csv');
    // The company plan's FY2008 revenues: the forecast's 78.5 billion.
    assert.match(csv.bytes.toString('utf8'), /\r\nTotal revenues,78\.50,/);
    csv = await download(page, '[data-testid="chart-heatmap"] [data-testid="csv"]');
    assert.equal(csv.name, 'iij-heatmap.csv');
    assert.equal(parseCsv(csv.bytes.toString('utf8').slice(1)).length, 2 + 11, 'title, header and 11 rows');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('the dataset and a scenario export as JSON, and the scenario link can be copied', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openView(page, env.srv.base, '#/sources');
    const data = JSON.parse((await download(page, '[data-testid="dataset-json"]')).bytes.toString('utf8'));
    assert.equal(data.facts.length, 722);
    assert.equal(data.checks.length, 340);
    const revenue = data.facts.find((f) => f.id === 'cis.revenue');
    assert.equal(revenue.value, '66835299');
    assert.match(revenue.source_line, /66,835,299/);
    await openView(page, env.srv.base, '#/scenarios?preset=plan&gm_si=30');
    const scenario = JSON.parse((await download(page, '[data-testid="scenario-json"]')).bytes.toString('utf8'));
    assert.equal(scenario.preset, 'plan');
    assert.equal(scenario.years[0].drivers.gm_si, '30');
    assert.match(scenario.link, /#\/scenarios\?preset=plan&gm_si=30$/);
    assert.equal(await page.inputValue('[data-testid="share-link"]'), scenario.link);
    await page.click('[data-testid="copy-link"]');
    await page.getByText('Link copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), scenario.link);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});

describe('Settings and printing', () => {
  test('the theme switch applies, is remembered, and a junk stored theme is reported', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/overview');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    await page.selectOption('[data-testid="theme"]', 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(13, 17, 23)');
    await page.reload();
    // The prerendered Overview is there at once; the settings are the app's.
    await appReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.inputValue('[data-testid="theme"]'), 'dark');
    await page.evaluate(() => localStorage.setItem('iij-explorer/theme', 'neon<script>'));
    await page.reload();
    // The prerendered Overview is there at once; the settings are the app's.
    await appReady(page);
    assert.equal(await page.innerText('[data-testid="pref-problems"]'), 'The saved theme “neon<script>” is not understood; the system setting is used.');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    // The system setting is followed while the theme is "system".
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('printing leaves out navigation and controls and keeps the sources', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/statements?s=balance');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header nav', '[data-testid="theme"]', '.tabs', '[data-testid="csv"]', '[data-testid="offline-link"]', '.controls']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is hidden in print`);
    }
    assert.equal(await page.locator('[data-testid="table-balance"]').isVisible(), true);
    assert.match(await page.innerText('footer'), /Convocation Notice of the 16th Ordinary General Meeting/);
    assert.match(await page.innerText('footer'), /Printed from http:\/\/127\.0\.0\.1:\d+\/ir\/explorer\/#\/statements\?s=balance/);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
