import { launchBrowser, openView, recordedPage, startServer } from './harness.mjs';
const [fragment, width, out] = process.argv.slice(2);
const srv = await startServer(); const browser = await launchBrowser();
const { page, context, problems } = await recordedPage(browser, { viewport: { width: Number(width), height: 1000 } });
await openView(page, srv.base, fragment);
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
console.log(page.url(), problems());
await context.close(); await browser.close(); await srv.close();
