// Browser benchmark of the release build served on loopback, in headless Chromium. Medians
// over repeated runs, against issue 10's budgets; the figures are written to
// target/bench-browser.json (and summarised in the README):
// - navigation start to the first statement table on screen (15 fresh loads);
// - a scenario driver change to the updated targets panel and projection chart, p50 and p95
//   of each of three rounds of 200 changes (after 100 unmeasured warm-up changes), the median
//   round reported and held to the budget;
// - a 10,000-path Monte Carlo run (5 runs);
// - the JS heap after load and after the changes, after a forced garbage collection: it must
//   not grow.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

/** A run on a machine kept busy on purpose (scripts/test-busy.sh): timings are reported, not held to budgets. */
const BUSY = process.env.IIJ_BUSY === '1';
import { mkdir, writeFile } from 'node:fs/promises';
import { openView, recordedPage, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const results = {};
const pick = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const round = (x) => Math.round(x * 100) / 100;

async function heapUsed(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

describe('Browser benchmark', () => {
  test('navigation start to the first statement table on screen, 15 loads', async () => {
    const times = [];
    for (let i = 0; i < 15; i++) {
      const { page, context, problems } = await recordedPage(env.browser);
      await context.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.querySelector('[data-testid="table-income"] tbody tr')) {
            window.__tableShown = performance.now();
            obs.disconnect();
          }
        }).observe(document, { subtree: true, childList: true });
      });
      await page.goto(`${env.srv.base}#/statements?s=income`);
      await page.waitForFunction(() => window.__tableShown !== undefined);
      times.push(await page.evaluate(() => window.__tableShown));
      assert.deepEqual(problems(), []);
      await context.close();
    }
    results.first_table_ms = { median: round(pick(times, 0.5)), min: round(Math.min(...times)), max: round(Math.max(...times)), runs: times.length };
    console.log(`navigation start to the first statement table: median ${results.first_table_ms.median} ms over ${times.length} loads`);
  });

  test('a driver change updates the targets panel and chart within a frame (3 rounds of 200), and the heap does not grow', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/scenarios?preset=target');
    await page.waitForSelector('[data-testid="chart-projection"] svg');
    const heapBefore = await heapUsed(page);
    const times = await page.evaluate(async () => {
      const input = document.querySelector('[data-driver="gm_si@2010"]');
      const panel = document.querySelector('[data-testid="targets"]');
      const chart = document.querySelector('[data-testid="chart-projection"] .chart-box');
      const out = [];
      // 100 unmeasured changes first: the engine compiles hot wasm functions with its
      // optimising tier only after they have run a while (with 20, a cold CI run's first
      // round measured 18 ms p95 and the next two 7 ms). Then three rounds of 200.
      for (let i = -100; i < 600; i++) {
        // Values alternate so every change moves operating income.
        const value = String(20 + (i % 2 === 0 ? i : 200 - i) / 10);
        // Done when both the targets panel and the projection chart have changed.
        const mutated = (node) => new Promise((resolve) => {
          const obs = new MutationObserver(() => { obs.disconnect(); resolve(performance.now()); });
          obs.observe(node, { subtree: true, childList: true, characterData: true, attributes: true });
        });
        const changed = Promise.all([mutated(panel), mutated(chart)]).then((ts) => Math.max(...ts));
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('change'));
        const done = await changed;
        if (i >= 0) out.push([done - t0, Number(document.querySelector('[data-testid="compute"]').dataset.ms)]);
      }
      return out;
    });
    // Let the sensitivity grid's settle timer run, then measure the heap again.
    await page.waitForTimeout(400);
    const heapAfter = await heapUsed(page);
    // p50 and p95 of each round of 200 changes; the median round is reported, so one burst of
    // garbage collection or machine noise does not decide the result.
    const rounds = [0, 1, 2].map((r) => times.slice(r * 200, r * 200 + 200));
    const perRound = rounds.map((xs) => ({ p50: pick(xs.map((t) => t[0]), 0.5), p95: pick(xs.map((t) => t[0]), 0.95) }));
    const update = times.map((t) => t[0]);
    const compute = times.map((t) => t[1]);
    results.driver_change_ms = {
      p50: round(pick(perRound.map((r) => r.p50), 0.5)),
      p95: round(pick(perRound.map((r) => r.p95), 0.5)),
      p95_each_round: perRound.map((r) => round(r.p95)),
      p95_all_600: round(pick(update, 0.95)),
      changes: update.length,
      budget_p95: 16,
    };
    results.projection_ms = { p50: round(pick(compute, 0.5)), p95: round(pick(compute, 0.95)), budget_p95: 1 };
    results.js_heap_bytes = { after_load: heapBefore, after_700_changes: heapAfter, growth: heapAfter - heapBefore };
    console.log(`driver change to updated targets panel and chart: p50 ${results.driver_change_ms.p50} ms, p95 ${results.driver_change_ms.p95} ms (median of 3 rounds of 200; rounds ${results.driver_change_ms.p95_each_round.join(', ')} ms; all 600: ${results.driver_change_ms.p95_all_600} ms); projection alone p50 ${results.projection_ms.p50} ms, p95 ${results.projection_ms.p95} ms`);
    console.log(`JS heap after GC: ${heapBefore} B after load, ${heapAfter} B after 700 changes`);
    // Timing budgets hold on an idle machine; a busy run (scripts/test-busy.sh) reports them.
    if (!BUSY) assert.ok(results.driver_change_ms.p95 < 16, `p95 ${results.driver_change_ms.p95} ms`);
    if (!BUSY) assert.ok(results.projection_ms.p95 <= 1, `projection p95 ${results.projection_ms.p95} ms`);
    // "Must not grow": within 5% and 256 KB of noise (code caches, interned strings).
    assert.ok(heapAfter <= heapBefore * 1.05 + 262144, `heap grew from ${heapBefore} to ${heapAfter} B`);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('a 10,000-path Monte Carlo run, 5 runs', async () => {
    const { page, context, problems } = await recordedPage(env.browser);
    await openView(page, env.srv.base, '#/scenarios?preset=plan');
    const runs = [];
    for (let i = 0; i < 5; i++) {
      // The seed is taken when the field is left (its change event).
      await page.fill('[data-testid="mc-seed"]', String(2008 + i));
      await page.press('[data-testid="mc-seed"]', 'Tab');
      const ms = await page.evaluate(async () => {
        // This run's result replaces the previous one when the run ends: a new element, or
        // (had the view kept it) a new text. Never waits past 30 s.
        const old = document.querySelector('[data-testid="mc-result"]');
        const prev = old?.textContent;
        if (old) old.dataset.stale = '1';
        const t0 = performance.now();
        document.querySelector('[data-testid="mc-run"]').click();
        await new Promise((resolve, reject) => {
          const check = () => {
            const r = document.querySelector('[data-testid="mc-result"]');
            if (r && (r.dataset.stale !== '1' || r.textContent !== prev) && !document.querySelector('[data-testid="mc-progress"]')) resolve();
            else if (performance.now() - t0 > 30_000) reject(new Error(`no new Monte Carlo result after 30 s: ${r?.textContent}`));
            else requestAnimationFrame(check);
          };
          check();
        });
        return performance.now() - t0;
      });
      runs.push(ms);
    }
    results.monte_carlo_10k_ms = { median: round(pick(runs, 0.5)), max: round(Math.max(...runs)), runs: runs.length, budget: 300 };
    console.log(`10,000 Monte Carlo paths: median ${results.monte_carlo_10k_ms.median} ms over ${runs.length} runs`);
    if (!BUSY) assert.ok(results.monte_carlo_10k_ms.median < 300, `median ${results.monte_carlo_10k_ms.median} ms`);
    assert.deepEqual(problems(), []);
    await context.close();
    const out = new URL('../../target/bench-browser.json', import.meta.url);
    await mkdir(new URL('.', out), { recursive: true });
    await writeFile(out, JSON.stringify({ date: new Date().toISOString(), chromium: env.browser.version(), ...results }, null, 2));
  });
});
