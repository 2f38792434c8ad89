// Phone-first layout (issue 18), at 390 x 844 on a touch screen, every view in both languages:
// the header takes at most 120 px, the view's first figure is above the fold, the page never
// scrolls sideways (wide tables scroll inside their box, row labels kept in sight), and the
// header's controls are touch-sized (44 px); the inspector is a sheet from the bottom that a
// thumb closes; nothing is clipped at 200% text size.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const PHONE = { width: 390, height: 844 };
const VIEWS = ['overview', 'statements', 'ratios', 'scenarios', 'charts', 'sources', 'documents'];
// A view's first figure: a number in a table or a progress row, or a chart; for Documents,
// the document's name at the head of the view (its text follows its tools).
const FIGURE = '[data-testid="doc-title"], td.num, td, .progress-value, .chart-box svg';

async function measure(page) {
  return page.evaluate((figure) => {
    const header = document.querySelector('.site-header').getBoundingClientRect();
    const first = document.querySelector(`main [data-testid^="view-"]`)?.querySelector(figure);
    const touch = [...document.querySelectorAll('.site-header nav a, .lang-switch button, .site-header select')]
      .map((e) => ({ what: e.dataset.testid ?? e.textContent.trim(), height: e.getBoundingClientRect().height }));
    return {
      header: header.height,
      first: first ? { top: first.getBoundingClientRect().top, bottom: first.getBoundingClientRect().bottom, text: first.textContent.trim().slice(0, 30) } : null,
      pageWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      touch,
    };
  }, FIGURE);
}

/**
 * The view's controls smaller than 44 x 44 px on a touch screen: buttons (figures in tables
 * among them), fields, switches (a checkbox by its label), tabs and focusable terms. Links
 * in text and in tables are excepted, as WCAG 2.5.5 allows inline ones.
 */
async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    // A figure in a sentence of a document is inline text (the same exception).
    for (const el of document.querySelectorAll('main button:not(.doc-body :is(p, li, h4) button), main select, main input, main summary, main .tabs a, main [tabindex="0"]:not(aside)')) {
      const target = el.matches('input[type="checkbox"], input[type="radio"]') ? el.closest('label') ?? el : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown (a closed details, a hidden panel)
      if (r.width < 44 || r.height < 44) small.push(`${target.tagName.toLowerCase()} "${(target.textContent || target.getAttribute('aria-label') || target.dataset.testid || '').trim().slice(0, 30)}" ${Math.round(r.width)} x ${Math.round(r.height)}`);
    }
    return [...new Set(small)].slice(0, 10);
  });
}

describe('Phone-first layout at 390 x 844', () => {
  for (const lang of ['en', 'ja']) {
    test(`every view, ${lang}: header <= 120 px, first figure above the fold, no sideways scroll, 44 px targets`, async () => {
      const { page, context, problems } = await recordedPage(env.browser, { viewport: PHONE, touch: true });
      for (const view of VIEWS) {
        await openView(page, env.srv.base, `#/${view}${lang === 'ja' ? '?lang=ja' : ''}`);
        await page.waitForSelector(`main [data-testid="view-${view}"]`);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await page.waitForTimeout(100);
        const m = await measure(page);
        assert.ok(m.header <= 120, `${view} ${lang}: header ${m.header} px`);
        assert.ok(m.first, `${view} ${lang}: a figure`);
        // Seen without scrolling: a number whole, a chart's top 100 px.
        assert.ok(Math.min(m.first.bottom, m.first.top + 100) <= PHONE.height, `${view} ${lang}: first figure "${m.first.text}" ends at ${m.first.bottom} px`);
        assert.ok(m.first.top >= m.header, `${view} ${lang}: the figure is below the header`);
        assert.ok(m.pageWidth <= m.viewport, `${view} ${lang}: the page is ${m.pageWidth} px wide on a ${m.viewport} px screen`);
        for (const t of m.touch) assert.ok(t.height >= 44, `${view} ${lang}: ${t.what} is ${t.height} px tall`);
        assert.deepEqual(await smallTargets(page), [], `${view} ${lang}: controls under 44 x 44 px`);
      }
      // The current view's link is in sight in the sideways row.
      const inSight = await page.evaluate(() => {
        const nav = document.querySelector('.site-header nav');
        const a = nav.querySelector('a[aria-current="page"]').getBoundingClientRect();
        const n = nav.getBoundingClientRect();
        return a.left >= n.left - 1 && a.right <= n.right + 1;
      });
      assert.ok(inSight, 'the current view (Documents, the last) is scrolled into sight');
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }

  test('a statement scrolls inside its box with the line names kept in sight', async () => {
    const { page, context, problems } = await recordedPage(env.browser, { viewport: PHONE });
    await openView(page, env.srv.base, '#/statements?s=balance');
    const r = await page.evaluate(() => {
      const box = document.querySelector('[data-testid^="table-"]').closest('.table-scroll');
      const label = box.querySelector('tbody th');
      const before = label.getBoundingClientRect().left;
      box.scrollLeft = box.scrollWidth;
      return { scrolls: box.scrollWidth > box.clientWidth, moved: box.scrollLeft > 0, before, after: label.getBoundingClientRect().left, page: document.documentElement.scrollWidth, viewport: innerWidth };
    });
    assert.ok(r.page <= r.viewport, `page ${r.page} px wide`);
    if (r.scrolls) {
      assert.ok(r.moved);
      assert.ok(Math.abs(r.after - r.before) < 1, `the line names stay: ${r.before} -> ${r.after}`);
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('the inspector is a sheet from the bottom, the chosen figure stays in sight, and a thumb closes it', async () => {
    const { page, context, problems } = await recordedPage(env.browser, { viewport: PHONE, touch: true });
    await openView(page, env.srv.base, '#/statements?s=income');
    // A figure in the lower half of the first screen, where the sheet will be.
    const low = await page.evaluate((h) => [...document.querySelectorAll('main tbody td:first-of-type button.fig')]
      .find((b) => { const r = b.getBoundingClientRect(); return r.top > h * 0.6 && r.bottom < h; })?.dataset.fig, PHONE.height);
    assert.ok(low, 'a figure low on the first screen');
    await page.tap(`[data-fig="${low}"]`);
    await page.waitForSelector('.inspector.open [data-testid="fact-panel"]');
    await page.waitForTimeout(200);
    const m = await page.evaluate((fig) => {
      const sheet = document.querySelector('.inspector.open').getBoundingClientRect();
      const f = document.querySelector(`[data-fig="${fig}"]`).getBoundingClientRect();
      const close = document.querySelector('[data-testid="inspector-close"]').getBoundingClientRect();
      return { sheet: { top: sheet.top, bottom: sheet.bottom, left: sheet.left, width: sheet.width }, fig: { top: f.top, bottom: f.bottom }, close: { w: close.width, h: close.height, bottom: close.bottom } };
    }, low);
    assert.ok(Math.abs(m.sheet.bottom - PHONE.height) <= 1 && m.sheet.left === 0 && m.sheet.width === PHONE.width, `a sheet along the bottom: ${JSON.stringify(m.sheet)}`);
    assert.ok(m.sheet.top >= PHONE.height * 0.45 - 1, `the sheet leaves the upper half free: top ${m.sheet.top}`);
    assert.ok(m.fig.top >= 0 && m.fig.bottom <= m.sheet.top, `the chosen figure is above the sheet: ${JSON.stringify(m.fig)}, sheet top ${m.sheet.top}`);
    assert.ok(m.close.w >= 44 && m.close.h >= 44 && m.close.bottom <= m.sheet.top + 80, `a 44 px close button at the sheet's top: ${JSON.stringify(m.close)}`);
    assert.ok(page.url().includes(`fig=${low}`), page.url());
    await page.tap('[data-testid="inspector-close"]');
    await page.waitForSelector('.inspector.open', { state: 'detached' });
    await page.waitForFunction(() => !location.hash.includes('fig='));
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.fig), low, 'the focus is back on the figure');
    assert.equal(await page.locator('.inspector.open').count(), 0, 'giving the focus back did not open it again');
    // The same in the Overview and the Ratios, whose close keeps the ratio group.
    for (const [view, open] of [['overview', 'main button.fig'], ['ratios?g=returns', 'main button.fig[data-ratio]']]) {
      await openView(page, env.srv.base, `#/${view}`);
      await page.locator(open).first().tap();
      await page.waitForSelector('.inspector.open');
      await page.tap('[data-testid="inspector-close"]');
      await page.waitForSelector('.inspector.open', { state: 'detached' });
      await page.waitForFunction(() => !/[?&](fig|r|p)=/.test(location.hash));
      if (view.startsWith('ratios')) assert.match(page.url(), /g=returns/);
    }
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
