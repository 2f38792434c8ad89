// The release build in the two other engines visitors bring (issue 18): Firefox (Debian's
// firefox-esr over WebDriver BiDi) and WebKit (WebKitGTK's MiniBrowser, Safari's engine,
// through WebKitWebDriver under xvfb-run); Chromium is the rest of the suite. In each: every
// view in both languages with a figure checked against the documents, a scenario change and
// its link reopened, the language and theme switches, a saved scenario kept across a reload,
// a CSV made by the engine, the offline file from file://, and no page error.
// The figures are the documents' (worked by hand in the comments), not the app's output.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, startServer, viewComplete } from './harness.mjs';
import { available, firefox, webkit } from './engines.mjs';

const OFFLINE = pathToFileURL(join(DIST, 'iij-explorer-offline.html')).href;

// Per view: the heading in each language, and a figure the view must show.
const VIEWS = {
  overview: { en: 'Overview', ja: '概要', check: [`[data-fig="headlines.revenue.pct"]`, '17.1'] }, // 66,835,299 / 57,054,581 - 1 = 17.1% (notice line 137)
  statements: { en: 'Statements', ja: '財務諸表', check: [`[data-fig="cis.revenue"]`, '66,835,299'] }, // printed, notice line 487
  ratios: { en: 'Ratios', ja: '比率', check: [`[data-ratio="operating_margin@FY2007"]`, '7.1%'] }, // 4,759,364 / 66,835,299 = 7.12% (notice line 137)
  scenarios: { en: 'Scenarios', ja: 'シナリオ', check: [`[data-testid="target-oi"]`, null] },
  charts: { en: 'Charts', ja: 'グラフ', check: ['main figure svg', null] },
  sources: { en: 'Sources & checks', ja: '出典と検証', check: ['[data-testid="checks-table"] tbody tr', null] },
};


for (const engine of ['firefox', 'webkit']) {
  describe(`In ${engine}`, { skip: !available(engine) && `${engine} is not installed (scripts/setup-test.sh installs it)` }, () => {
    let srv;
    let b;
    before(async () => {
      srv = await startServer();
      b = engine === 'firefox' ? await firefox() : await webkit();
    });
    after(async () => {
      await b?.close();
      await srv?.close();
    });
    // With `lang`, the page is asked for that language (a chosen language is remembered).
    const open = async (fragment, lang) => {
      const asked = lang ? `${fragment}${fragment.includes('?') ? '&' : '?'}lang=${lang}` : fragment;
      await b.open(`${srv.base}${asked}`);
      await b.waitFor(viewComplete);
      if (lang) await b.waitFor((l) => document.documentElement.lang === l, lang);
    };

    test('every view opens in both languages with its figures', async () => {
      for (const lang of ['en', 'ja']) {
        for (const [view, want] of Object.entries(VIEWS)) {
          await open(`#/${view}`, lang);
          await b.waitFor((v) => !!document.querySelector(`main [data-testid="view-${v}"]`), view);
          assert.equal(await b.run(() => document.querySelector('main h2').textContent.trim()), want[lang], `${view} ${lang}`);
          const [selector, text] = want.check;
          const shown = await b.run((s) => [...document.querySelectorAll(s)].map((e) => e.textContent.trim()), selector);
          assert.ok(shown.length > 0, `${view} ${lang}: ${selector}`);
          if (text) assert.equal(shown[0], text, `${view} ${lang}: ${selector}`);
          if (view === 'sources') assert.ok(shown.length >= 300, `${shown.length} checks`);
          if (view === 'charts') assert.ok(shown.length >= 6, `${shown.length} charts`);
        }
      }
      assert.deepEqual(await b.problems(), []);
    });

    test('a scenario change, and its link reopened', async () => {
      await open('#/scenarios', 'en');
      assert.match(await b.run(() => document.querySelector('[data-testid="target-oi"]').textContent), /not met/);
      // The systems-integration gross margin at 40% in every year meets JPY 10 billion.
      for (const year of [2008, 2009, 2010, 2011, 2012]) await b.type(`[data-driver="gm_si@${year}"]`, '40');
      await b.waitFor(() => !/not met/.test(document.querySelector('[data-testid="target-oi"]').textContent));
      // Every year's value written (one value for all years), not only the first year's.
      await b.waitFor(() => /[?&]gm_si=40(&|$)/.test(location.hash));
      const { url, text } = await b.run(() => ({ url: location.href, text: document.querySelector('[data-testid="target-oi"]').textContent }));
      await b.open('about:blank');
      await open(url.slice(srv.base.length));
      assert.equal(await b.run(() => document.querySelector('[data-testid="target-oi"]').textContent), text);
      assert.equal(await b.run(() => document.querySelector('[data-driver="gm_si@2011"]').value), '40');
      assert.deepEqual(await b.problems(), []);
    });

    test('the language and theme switches', async () => {
      await open('#/overview', 'en');
      await b.click('[data-testid="lang-ja"]');
      await b.waitFor(() => document.documentElement.lang === 'ja');
      assert.equal(await b.run(() => document.querySelector('[data-testid="nav-scenarios"]').textContent.trim()), 'シナリオ');
      assert.match(await b.run(() => location.hash), /lang=ja/);
      await b.click('[data-testid="lang-en"]');
      await b.waitFor(() => document.documentElement.lang === 'en');
      await b.run(() => {
        const s = document.querySelector('[data-testid="theme"]');
        s.value = 'dark';
        s.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await b.waitFor(() => document.documentElement.dataset.theme === 'dark');
      assert.equal(await b.run(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(13, 17, 23)');
      // Kept across a reload.
      await b.open('about:blank');
      await open('#/overview');
      assert.equal(await b.run(() => document.documentElement.dataset.theme), 'dark');
      await b.run(() => {
        const s = document.querySelector('[data-testid="theme"]');
        s.value = 'light';
        s.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await b.waitFor(() => document.documentElement.dataset.theme === 'light');
      assert.deepEqual(await b.problems(), []);
    });

    test('a saved scenario is kept across a reload', async () => {
      await open('#/scenarios?preset=cautious', 'en');
      const name = `${engine} case`;
      await b.type('[data-testid="save-name"]', name);
      await b.click('[data-testid="save"]');
      await b.waitFor(() => !!document.querySelector('[data-testid="save-message"]'));
      assert.equal(await b.run(() => document.querySelector('[data-testid="save-message"]').textContent), `Saved “${name}”.`);
      await b.open('about:blank');
      await open('#/scenarios');
      await b.waitFor((n) => [...document.querySelectorAll('[data-testid="saved-list"] a')].some((a) => a.textContent === n), name);
      assert.deepEqual(await b.problems(), []);
    });

    test('a statement as CSV', async () => {
      await open('#/statements?s=income', 'en');
      // The file the engine is handed: the Blob behind the download link.
      await b.run(() => {
        window.__blobs = [];
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { window.__blobs.push(blob); return make.call(URL, blob); };
      });
      await b.click('.table-tools [data-testid="csv"]');
      await b.waitFor(() => window.__blobs.length > 0);
      const csv = await b.run(async () => {
        const bytes = new Uint8Array(await window.__blobs[0].arrayBuffer());
        return { bom: [...bytes.slice(0, 3)], text: new TextDecoder().decode(bytes.slice(3)) };
      });
      assert.deepEqual(csv.bom, [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
      // Total revenues as printed in JPY thousands, without separators: notice line 487.
      assert.match(csv.text, /,66835299[,\r]/);
      assert.deepEqual(await b.problems(), []);
    });

    test('the offline file from file://', async () => {
      await b.open(`${OFFLINE}#/statements`);
      await b.waitFor(viewComplete);
      await b.waitFor(() => document.querySelector('[data-fig="cis.revenue"]')?.textContent.trim() === '66,835,299');
      await b.open('about:blank');
      await b.open(`${OFFLINE}#/scenarios?preset=plan&gm_si=40`);
      await b.waitFor(viewComplete);
      assert.equal(await b.run(() => document.querySelector('[data-driver="gm_si@2011"]').value), '40');
      await b.click('[data-testid="lang-ja"]');
      await b.waitFor(() => document.documentElement.lang === 'ja');
      assert.equal(await b.run(() => document.querySelector('main h2').textContent.trim()), 'シナリオ');
      assert.deepEqual(await b.problems(), []);
    });
  });
}
