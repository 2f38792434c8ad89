// Text at 200% (issue 18; WCAG 1.4.4): with the browser's default font size doubled (what the
// text-size setting of a browser or phone does; CDP Page.setFontSizes), no text of any view is
// clipped, in either language, on a phone and on a desktop: no element that hides its
// overflow holds more than it shows, and nothing spills out of the header.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const VIEWS = ['overview', 'statements?fig=cis.revenue', 'ratios?r=roe', 'scenarios', 'charts', 'sources'];
const SCREENS = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];

/** Elements that hide overflowing content, and the header's content outside the header. */
function clipped() {
  const name = (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${el.textContent.trim().slice(0, 40)}"`;
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el instanceof SVGElement) continue; // drawings scale; their text is inside them
    if (el.matches('input, textarea')) continue; // a text field scrolls its own text
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 2 || r.height <= 2) continue; // visually hidden text for screen readers
    const hidesX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
    const hidesY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
    if (hidesX && el.scrollWidth > el.clientWidth + 1) found.push(`${name(el)} is ${el.scrollWidth} px wide in ${el.clientWidth}`);
    if (hidesY && el.scrollHeight > el.clientHeight + 1) found.push(`${name(el)} is ${el.scrollHeight} px tall in ${el.clientHeight}`);
  }
  const header = document.querySelector('.site-header').getBoundingClientRect();
  for (const el of document.querySelectorAll('.site-header *')) {
    const r = el.getBoundingClientRect();
    if (r.width <= 2 || r.height <= 2 || getComputedStyle(el).display === 'none') continue;
    if (r.bottom > header.bottom + 1 || r.top < header.top - 1) found.push(`${name(el)} spills out of the header`);
  }
  return found;
}

describe('Text at 200%', () => {
  for (const lang of ['en', 'ja']) {
    test(`nothing is clipped on any view, ${lang}, at 390 and 1280 px`, async () => {
      for (const viewport of SCREENS) {
        const { page, context, problems } = await recordedPage(env.browser, { viewport });
        const cdp = await context.newCDPSession(page);
        await cdp.send('Page.enable');
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
        for (const view of VIEWS) {
          const sep = view.includes('?') ? '&' : '?';
          await openView(page, env.srv.base, `#/${view}${lang === 'ja' ? `${sep}lang=ja` : ''}`);
          await page.waitForFunction((l) => document.documentElement.lang === l, lang);
          await page.waitForTimeout(150);
          const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
          assert.ok(size >= 31, `${view}: the text is at 200% (body ${size} px)`);
          assert.deepEqual(await page.evaluate(clipped), [], `${view} ${lang} at ${viewport.width} px`);
        }
        assert.deepEqual(problems(), []);
        await context.close();
      }
    });
  }
});
