// Takes screenshots of the served release build, for looking at what a visitor sees.
// Usage: node screenshot.mjs '#/overview' [more fragments…]  → artifacts/<name>-<width>.png
// FULL=1 captures the whole page instead of the first screen.
import { mkdir } from 'node:fs/promises';
import { launchBrowser, openView, recordedPage, startServer } from './harness.mjs';

const fragments = process.argv.slice(2).length ? process.argv.slice(2) : ['#/overview'];
await mkdir(new URL('./artifacts/', import.meta.url), { recursive: true });
const srv = await startServer();
const browser = await launchBrowser();
try {
  for (const width of [1280, 360]) {
    for (const fragment of fragments) {
      const { page, context, problems } = await recordedPage(browser, { viewport: { width, height: 800 } });
      await openView(page, srv.base, fragment);
      const name = fragment.replace(/[^a-z0-9]+/gi, '_').replace(/^_+|_+$/g, '') || 'root';
      const file = new URL(`./artifacts/${name}-${width}.png`, import.meta.url);
      await page.screenshot({ path: file.pathname, fullPage: process.env.FULL === '1' });
      console.log(file.pathname, problems().length ? problems() : '');
      await context.close();
    }
  }
} finally {
  await browser.close();
  await srv.close();
}
