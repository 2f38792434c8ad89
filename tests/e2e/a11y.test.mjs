// Accessibility: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices) on every view of the
// release build, in both languages and both themes, with zero violations.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['best-practice', 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Every view, and the states of it that draw different things.
const PAGES = [
  '#/overview',
  '#/statements?s=income&fig=cis.revenue',
  '#/statements?s=balance&cs=1',
  '#/statements?s=segments',
  '#/statements?s=company',
  '#/ratios?g=profitability&r=operating_margin&p=FY2007',
  '#/scenarios',
  '#/charts',
  '#/sources?q=revenue&fact=cis.revenue',
  '#/sources?status=erratum',
  '#/documents?fig=cis.revenue',
  '#/documents?doc=forum&review=1&q=revenue',
  '#/no-such-view',
];

/** Runs axe on the page; returns the violations as readable lines. */
async function axe(page) {
  // The Documents view's parts off screen are not laid out (content-visibility: auto) until
  // they come near, as a visitor scrolls; axe measures targets' sizes and spacing from the
  // layout, so every part is laid out first (measured: without this, one or two figures of a
  // part not yet laid out are reported, different ones each run; with it, none).
  await page.evaluate(() => document.querySelectorAll('.doc-part').forEach((p) => { p.style.contentVisibility = 'visible'; }));
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('Accessibility', () => {
  for (const [lang, theme] of [['en', 'light'], ['en', 'dark'], ['ja', 'light'], ['ja', 'dark']]) {
    test(`axe finds no WCAG 2.2 AA violation on any view, ${lang}, ${theme} theme`, async () => {
      const { page, context, problems } = await recordedPage(env.browser);
      await context.addInitScript(([t, l]) => {
        localStorage.setItem('iij-explorer/theme', t);
        localStorage.setItem('iij-explorer/lang', l);
      }, [theme, lang]);
      const found = [];
      for (const fragment of PAGES) {
        await openView(page, env.srv.base, fragment);
        await page.waitForTimeout(50);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        for (const line of await axe(page)) found.push(`${fragment}: ${line}`);
      }
      assert.deepEqual(found, []);
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }
});
