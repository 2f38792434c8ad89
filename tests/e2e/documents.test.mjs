// Issue 28: the Documents view on the release build. The documents as documents, every cited
// figure a button that opens its fact; "Show in the document" from every inspector; deep
// links; review mode; search; keyboard; both languages and the phone. Expected values are
// read from the source files by hand (data/sources/): the notice prints revenues
// "66,835,299" on line 487 (consolidated statement of income) and capital expenditures
// "6,078" (JPY millions) on line 94; line 98 prints 5,000, 3,000 and 2,178; the presentation
// prints 1,373 employees on line 65. "net income" is in the notice 13 times (grep -o -i), and
// review mode's numbers no fact cites are 99 in the notice (tests/reading.rs counts them word
// by word).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

/** The focused element: its fact ids (a figure), or its line (a line of the document). */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  return { fact: el.dataset.fact ?? null, line: el.dataset.line ?? null, n: el.dataset.n ?? null, selected: el.classList.contains('selected'), inView: r.top >= 0 && r.bottom <= innerHeight };
});

/** Waits until the document's figure `id` has the focus (the view lands on it once drawn). */
const waitFocus = (page, id) => page.waitForFunction((f) => (document.activeElement?.dataset.fact ?? '').split(' ').includes(f), id);

describe('Documents', () => {
  test('a highlighted figure opens its fact; the erratum mark and the legend; what uses it', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/documents');
    assert.equal(await page.textContent('[data-testid="doc-title"]'), 'Convocation Notice of the 16th Ordinary General Meeting of Shareholders (with the Business Report for FY2007)');
    assert.match(await page.textContent('[data-testid="translation-note"]'), /English translation/);
    // Every fact of the notice is a button: 470 of the dataset's 722 (the other 252 are the presentation's).
    const ids = await page.$$eval('.doc-body button.doc-fig', (bs) => bs.flatMap((b) => b.dataset.fact.split(' ')));
    assert.equal(new Set(ids).size, ids.length, 'no fact twice');
    assert.equal(ids.length, 470);
    const revenue = page.locator('.doc-body button[data-fact~="cis.revenue"]');
    assert.equal(await revenue.textContent(), '66,835,299');
    assert.equal(await revenue.evaluate((b) => b.closest('tr').dataset.line), '487');
    assert.equal(await revenue.evaluate((b) => getComputedStyle(b.closest('td')).textAlign), 'right');
    await revenue.click();
    await page.waitForFunction(() => location.hash.includes('fig=cis.revenue'));
    assert.equal(await page.textContent('[data-testid="fact-printed"]'), '66,835,299');
    assert.match(await page.textContent('[data-testid="fact-line"]'), /line 487 of/);
    // Operating margin = operating income / revenues: FY2007 among the ratios that use it.
    assert.match(await page.textContent('[data-testid="fig-ratios"]'), /Operating margin — FY2007/);
    assert.match(await page.textContent('[data-testid="fig-scenario"]'), /does not read/);
    assert.equal(await page.locator('[data-testid="inspector"] [data-testid="show-in-document"]').count(), 0, 'no link to where it already is');
    // A figure an erratum corrects: "36.0%" called an operating margin on line 72.
    const wrong = page.locator('.doc-body button[data-fact~="br.operating_margin_misworded"]');
    assert.equal(await wrong.textContent(), '36.0%');
    assert.ok(await wrong.evaluate((b) => b.classList.contains('erratum')));
    await wrong.click();
    await page.waitForSelector('[data-testid="fact-erratum"]');
    assert.ok(await page.isVisible('[data-testid="doc-legend"] .erratum'));
    // A ratio link goes to the ratio's work.
    await revenue.click();
    await page.waitForFunction(() => location.hash.includes('fig=cis.revenue'));
    await page.click('[data-testid="fig-ratios"] a:has-text("Operating margin — FY2007")');
    await appReady(page, 'ratios');
    assert.match(await page.textContent('[data-testid="work-panel"]'), /Operating margin/);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('"Show in the document" from the Overview, Statements, Ratios and Sources lands on the figure, focused', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    const from = [
      ['#/overview?fig=cis.revenue', '[data-testid="show-in-document"]'],
      ['#/statements?s=income&fig=cis.revenue', '[data-testid="show-in-document"]'],
      ['#/ratios?g=profitability&r=operating_margin&p=FY2007', '[data-testid="work-inputs"] li:has(code:text-is("cis.revenue")) [data-testid="input-in-document"]'],
      ['#/sources?fact=cis.revenue', '[data-testid="show-in-document"]'],
    ];
    for (const [fragment, link] of from) {
      await openView(page, env.srv.base, fragment);
      await page.click(link);
      await appReady(page, 'documents');
      await waitFocus(page, 'cis.revenue');
      const f = await focused(page);
      assert.ok(f.selected && f.inView, `${fragment}: ${JSON.stringify(f)}`);
      assert.equal(await page.textContent('[data-testid="fact-printed"]'), '66,835,299', fragment);
      // Back returns to where the link was followed.
      await page.goBack();
      await appReady(page);
      assert.ok(page.url().endsWith(fragment), `${fragment}: back to ${page.url()}`);
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('deep links: a figure of the presentation, a line, and bad parameters told', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    // The figure names its document: no doc parameter needed.
    await openView(page, env.srv.base, '#/documents?fig=profile.employees');
    await waitFocus(page, 'profile.employees');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), '1,373');
    assert.equal(await page.getAttribute('[data-testid="doc-forum"]', 'aria-current'), 'page');
    assert.equal(await page.textContent('[data-testid="fact-printed"]'), '1,373');
    // A line: it is brought into view and focused.
    await openView(page, env.srv.base, '#/documents?doc=notice&line=461');
    await page.waitForFunction(() => document.activeElement?.dataset.line === '461');
    const f = await focused(page);
    assert.ok(f.inView);
    assert.equal(await page.evaluate(() => document.activeElement.innerText.replace(/\s+/g, ' ').trim()), 'Total Liabilities 30,427,731');
    // Bad parameters: each told, the rest kept.
    await openView(page, env.srv.base, '#/documents?doc=annual&line=99999&review=yes&fig=no.such');
    const told = await page.textContent('[data-testid="url-problems"]');
    for (const part of ['no figure with the id “no.such”', 'no document “annual”', '“99999” is not a line of this document (it has lines 1 to 1140)', '“yes” is not a review setting']) {
      assert.ok(told.includes(part), `${part} in ${told}`);
    }
    assert.equal(await page.getAttribute('[data-testid="doc-notice"]', 'aria-current'), 'page');
    // The figure in the other document than the one asked for: shown where it is.
    await openView(page, env.srv.base, '#/documents?doc=notice&fig=profile.employees');
    await waitFocus(page, 'profile.employees');
    assert.match(await page.textContent('[data-testid="url-problems"]'), /printed in the other document/);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('search: matches marked, counted, next and previous; the browser\'s own find finds the text', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/documents?doc=notice');
    await page.fill('[data-testid="doc-search"]', 'net income');
    await page.waitForFunction(() => document.querySelector('[data-testid="doc-search-count"]').textContent === '13 matches.');
    assert.equal(await page.$$eval('.doc-body mark.hit', (ms) => new Set(ms.map((m) => m.dataset.hit)).size), 13);
    await page.waitForFunction(() => location.hash.includes('q=net'));
    await page.press('[data-testid="doc-search"]', 'Enter');
    assert.equal(await page.textContent('[data-testid="doc-search-count"]'), 'Match 1 of 13.');
    await page.click('[data-testid="hit-next"]');
    assert.equal(await page.textContent('[data-testid="doc-search-count"]'), 'Match 2 of 13.');
    const current = await page.$eval('.doc-body mark.hit.current', (m) => ({ hit: m.dataset.hit, text: m.textContent.toLowerCase(), top: m.getBoundingClientRect().top }));
    assert.equal(current.hit, '1');
    assert.equal(current.text, 'net income');
    assert.ok(current.top >= 0 && current.top <= 900, `the match is in view (${current.top})`);
    await page.click('[data-testid="hit-prev"]');
    await page.click('[data-testid="hit-prev"]');
    assert.equal(await page.textContent('[data-testid="doc-search-count"]'), 'Match 13 of 13.', 'previous from the first wraps to the last');
    // A search is kept in the address: reloading shows it again.
    await page.reload();
    await appReady(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="doc-search-count"]').textContent === '13 matches.');
    await page.fill('[data-testid="doc-search"]', 'no such words anywhere');
    await page.waitForFunction(() => document.querySelector('[data-testid="doc-search-count"]').textContent === 'No match in this document.');
    // The text is in the page as text: the browser's find (window.find) finds it.
    assert.ok(await page.evaluate(() => window.find('Comprehen sive')), 'find in page');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('keyboard: Tab goes from figure to figure; n and p go to the next and previous, opening each', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/documents?doc=notice&fig=br.short_term_borrowing_proceeds');
    await waitFocus(page, 'br.short_term_borrowing_proceeds');
    // Line 98 prints 5,000, 3,000 and 2,178 in one sentence: Tab reaches each in turn.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).fact, 'br.short_term_borrowing_repaid');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).fact, 'br.share_exchange_shares');
    const n = Number((await focused(page)).n);
    await page.keyboard.press('n');
    await page.waitForFunction((k) => document.activeElement?.dataset.n === String(k), n + 1);
    await page.waitForFunction((id) => location.hash.includes(`fig=${id}`), await page.evaluate(() => document.activeElement.dataset.fact.split(' ')[0]));
    assert.equal(await page.textContent('[data-testid="fact-printed"]'), '1,200', 'the next figure, hi-ho\'s price on line 106, is opened');
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    await page.waitForFunction((k) => document.activeElement?.dataset.n === String(k), n - 1);
    assert.equal((await focused(page)).fact, 'br.short_term_borrowing_repaid');
    // The buttons do the same.
    await page.click('[data-testid="fig-next"]');
    await page.waitForFunction((k) => document.activeElement?.dataset.n === String(k), n);
    // Escape closes the inspector and gives the focus back to the figure.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('fig='));
    assert.equal((await focused(page)).fact, 'br.share_exchange_shares');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('review mode: the numbers no figure cites, counted per section, 99 in the notice', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/documents?doc=notice');
    const outline = () => page.$eval('.doc-body .untagged', (u) => getComputedStyle(u).outlineStyle);
    assert.equal(await outline(), 'none', 'not marked outside review mode');
    await page.check('[data-testid="review-switch"]');
    await page.waitForFunction(() => location.hash.includes('review=1'));
    assert.equal(await outline(), 'dotted');
    assert.equal(await page.locator('.doc-body .untagged').count(), 99);
    assert.equal(await page.textContent('[data-testid="review-total"]'), 'Review mode: 99 numbers no figure cites.');
    const perSection = await page.$$eval('[data-testid="toc-untagged"]', (s) => s.map((x) => Number(x.textContent.split(' ')[0])));
    assert.equal(perSection.reduce((a, b) => a + b, 0), 99);
    // Each section's count is the marks in its part of the document.
    const inParts = await page.$$eval('.doc-body .doc-part', (ps) => ps.map((p) => p.querySelectorAll('.untagged').length));
    assert.deepEqual(perSection, inParts);
    assert.match(await page.textContent('[data-testid="review-rule"]'), /years \(1900 to 2099\)/);
    // What the rule leaves out is not marked: line 10 prints "the 16th ordinary general
    // meeting" and "June 27, 2008" (an ordinal, a day, a year) and no other number.
    const line10 = await page.$eval('.doc-body [data-line="10"]', (l) => ({ text: l.textContent, marks: l.querySelectorAll('.untagged').length }));
    assert.match(line10.text, /16th ordinary general meeting/);
    assert.match(line10.text, /June 27, 2008/);
    assert.equal(line10.marks, 0);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('in Japanese: the app\'s words translated, the documents as printed', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/documents?lang=ja&fig=cis.revenue');
    await waitFocus(page, 'cis.revenue');
    assert.equal(await page.textContent('main h2'), '原資料');
    assert.equal(await page.getAttribute('[data-testid="doc-body"]', 'lang'), 'en');
    assert.match(await page.textContent('label[for="doc-search"]'), /検索/);
    assert.match(await page.textContent('[data-testid="inspector"]'), /この数値を使う指標/);
    assert.equal(await page.textContent('[data-testid="doc-title"]'), '第16回定時株主総会招集ご通知(2008年3月期事業報告を含む)');
    // The document itself as printed: the revenue row's heading is the notice's English.
    assert.equal(await page.$eval('.doc-body tr[data-line="487"] th', (t) => t.textContent), 'Total revenues');
    assert.match(await page.textContent('.doc-body [data-line="10"]'), /This document is the English translation/);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('on a phone: no sideways scroll, tables scroll in their box, the inspector is a sheet from the bottom', async () => {
    const { page, context, problems } = await recordedPage(env.browser, { viewport: { width: 390, height: 844 }, touch: true });
    await openView(page, env.srv.base, '#/documents?doc=notice&line=664');
    const m = await page.evaluate(() => {
      const box = document.querySelector('.doc-body tr[data-line="664"]').closest('.doc-table');
      return { page: document.documentElement.scrollWidth, viewport: innerWidth, box: box.clientWidth, table: box.scrollWidth };
    });
    assert.ok(m.page <= m.viewport, `page ${m.page} px on ${m.viewport}`);
    assert.ok(m.table > m.box, `the wide table scrolls in its box (${m.table} > ${m.box})`);
    await page.tap('.doc-body button[data-fact~="cis.revenue"]');
    await page.waitForSelector('[data-testid="inspector"].open [data-testid="fact-printed"]');
    const sheet = await page.$eval('[data-testid="inspector"]', (a) => ({ position: getComputedStyle(a).position, bottom: a.getBoundingClientRect().bottom }));
    assert.equal(sheet.position, 'fixed');
    assert.ok(Math.abs(sheet.bottom - 844) <= 1, `the sheet sits on the bottom (${sheet.bottom})`);
    // A figure in a table is a 44 px target on a touch screen.
    const r = await page.$eval('.doc-body button[data-fact~="cis.revenue"]', (b) => b.getBoundingClientRect());
    assert.ok(r.height >= 44 && r.width >= 44, `${r.width} x ${r.height}`);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
