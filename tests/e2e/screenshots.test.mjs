// The README's screenshots (issue 18): every view in both languages on a 390 x 844 phone and a
// 1280 x 900 desktop, the first screen as a visitor sees it, written to docs/screenshots/
// (committed; the README links them). Each is checked to be the view asked for, in its
// language, with the Japanese font present (a missing font would draw empty boxes).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const VIEWS = ['overview', 'statements', 'ratios', 'scenarios', 'charts', 'sources', 'documents'];
const SCREENS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

describe('Screenshots for the README', () => {
  for (const [screen, viewport] of Object.entries(SCREENS)) {
    test(`every view in both languages, ${screen} (${viewport.width} px)`, async () => {
      mkdirSync(OUT, { recursive: true });
      const { page, context, problems } = await recordedPage(env.browser, { viewport, touch: screen === 'phone' });
      for (const lang of ['en', 'ja']) {
        for (const view of VIEWS) {
          await openView(page, env.srv.base, `#/${view}${lang === 'ja' ? '?lang=ja' : ''}`);
          await page.waitForSelector(`main [data-testid="view-${view}"]`);
          await page.waitForFunction((l) => document.documentElement.lang === l, lang);
          await page.evaluate(() => document.fonts.ready);
          await page.waitForTimeout(150);
          if (lang === 'ja') {
            // Without a Japanese font an ideograph is drawn as the same empty box as a
            // private-use character.
            const boxed = await page.evaluate(() => {
              const c = document.createElement('canvas');
              c.width = 40;
              c.height = 40;
              const g = c.getContext('2d', { willReadFrequently: true });
              const draw = (ch) => { g.clearRect(0, 0, 40, 40); g.font = `32px ${getComputedStyle(document.body).fontFamily}`; g.fillText(ch, 2, 32); return g.getImageData(0, 0, 40, 40).data.join(); };
              return draw('概') === draw('\u{10FFFD}');
            });
            assert.equal(boxed, false, 'a Japanese font is installed');
          }
          await page.screenshot({ path: `${OUT}${view}-${lang}-${viewport.width}.png` });
        }
      }
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }
});
