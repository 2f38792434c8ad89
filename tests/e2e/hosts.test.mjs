// Issue 26: the host configurations the build writes (scripts/hosts.py), run by the real
// servers: Debian's nginx with its brotli_static module and Caddy, each started here on
// loopback with the generated configuration and the build copied under /ir/explorer/, stopped
// by pid. For each: the headers of every file of the build, the encodings for each
// Accept-Encoding, the MIME types, the 404; every view with no console error and no CSP
// violation; offline from the service worker with the server stopped; a second build deployed
// over the first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmod, cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DIST, SUB_PATH, appReady, launchBrowser, recordedPage } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const publish = JSON.parse(await readFile(join(ROOT, 'target/publish.json'), 'utf8'));
const VIEWS = ['overview', 'statements', 'ratios', 'scenarios', 'charts', 'sources', 'documents'];
const pageOf = (view, lang) => `${view === 'overview' ? 'index' : view}${lang === 'ja' ? '.ja' : ''}.html`;

// What each kind of file must be sent as (the test's own table).
const TYPE = {
  html: 'text/html', js: 'text/javascript', css: 'text/css', wasm: 'application/wasm', txt: 'text/plain',
  svg: 'image/svg+xml', png: 'image/png', webmanifest: 'application/manifest+json', zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
// Files that must be revalidated on every visit: the pages, the worker, the manifest, and the
// files whose names do not change between releases. Every other file of the build is named by
// its content and must be cached for good; publish.json's hashed files are among those.
const REVALIDATED = (f) => /\.(html|png|xlsx|zip|webmanifest)$/.test(f) || f === 'sw.js';
const IMMUTABLE = 'public, max-age=31536000, immutable';

async function filesOf(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath ?? e.path, e.name)));
  }
  return out.filter((f) => !/\.(gz|br)$/.test(f)).sort();
}

async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/** Waits until `url` answers (the server says it is up by answering), at most 30 s. */
async function answering(url, proc) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the server stopped (exit ${proc.exitCode}): ${proc.output()}`);
    try {
      await fetch(url);
      return;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`${url} does not answer: ${e}; ${proc.output()}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}

function started(cmd, args, env = process.env) {
  const proc = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  proc.output = () => log.slice(-2000);
  return proc;
}

async function stopped(proc) {
  if (proc.exitCode !== null) return;
  const done = new Promise((ok) => proc.once('exit', ok));
  process.kill(proc.pid, 'SIGTERM');
  await done;
}

/** The generated configurations for a build deployed at `root` and served on `port`. */
function generate(root, out, port) {
  execFileSync('python3', [join(ROOT, 'scripts/hosts.py'), DIST, out, '--base', SUB_PATH, '--root', root, '--site', `http://127.0.0.1:${port}`], { stdio: 'pipe' });
}

const SERVERS = {
  async nginx(dir, root, port) {
    const conf = join(dir, 'nginx.conf');
    const temp = (name) => `${name}_temp_path ${join(dir, name)};`;
    // The server and main context around the generated location block.
    await writeFile(conf, [
      'load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'daemon off;', 'worker_processes 1;', 'events { worker_connections 64; }',
      'http {', '  access_log off;', '  default_type application/octet-stream;',
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  server { listen 127.0.0.1:${port}; server_name localhost; include ${join(dir, 'hosting', 'nginx-location.conf')}; }`,
      '}', '',
    ].join('\n'));
    execFileSync('nginx', ['-t', '-q', '-c', conf, '-p', dir], { stdio: 'pipe' });
    return started('nginx', ['-c', conf, '-p', dir]);
  },
  async caddy(dir) {
    // Global options around the generated site: no admin endpoint, no certificates.
    const conf = join(dir, 'Caddyfile');
    await writeFile(conf, `{\n\tadmin off\n\tauto_https off\n}\nimport ${join(dir, 'hosting', 'Caddyfile')}\n`);
    const env = { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') };
    execFileSync('caddy', ['validate', '--config', conf, '--adapter', 'caddyfile'], { stdio: 'pipe', env });
    return started('caddy', ['run', '--config', conf, '--adapter', 'caddyfile'], env);
  },
};

for (const [name, start] of Object.entries(SERVERS)) {
  describe(`the generated ${name} configuration on a real ${name}`, () => {
    const env = {};
    before(async () => {
      env.dir = await mkdtemp(join(tmpdir(), `iij-${name}-`));
      // Readable by a server's workers, which nginx runs as another user when started as root.
      await chmod(env.dir, 0o755);
      env.root = join(env.dir, 'site');
      await cp(DIST, env.root, { recursive: true });
      env.port = await freePort();
      generate(`${env.root}/`, join(env.dir, 'hosting'), env.port);
      env.base = `http://127.0.0.1:${env.port}${SUB_PATH}`;
      env.start = async () => {
        env.proc = await start(env.dir, env.root, env.port);
        await answering(env.base, env.proc);
      };
      await env.start();
      env.browser = await launchBrowser();
      env.files = await filesOf(DIST);
    });
    after(async () => {
      await env.browser?.close();
      if (env.proc) await stopped(env.proc);
      await rm(env.dir, { recursive: true, force: true });
    });

    test('every file: the policy, nosniff, its type, cached for good when named by its content, else revalidated', async () => {
      const hashed = [...publish.first_load.filter((f) => f !== 'index.html'), ...publish.modules, ...Object.values(publish.on_demand)];
      for (const f of hashed) assert.ok(!REVALIDATED(f), `${f} is named by its content`);
      assert.ok(env.files.length > 50, `${env.files.length} files`);
      for (const f of env.files) {
        const res = await fetch(env.base + f, { headers: { 'Accept-Encoding': 'identity' } });
        assert.equal(res.status, 200, f);
        assert.equal(res.headers.get('content-security-policy'), publish.csp_header, f);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', f);
        assert.equal(res.headers.get('cache-control'), REVALIDATED(f) ? 'no-cache' : IMMUTABLE, f);
        const type = TYPE[f.split('.').pop()] ?? 'application/json';
        assert.equal(res.headers.get('content-type')?.split(';')[0], type, f);
        if (/^text\//.test(type)) assert.match(res.headers.get('content-type'), /charset=utf-8/i, f);
        assert.equal(res.headers.get('content-encoding'), null, f);
        assert.deepEqual(Buffer.from(await res.arrayBuffer()), await readFile(join(DIST, f)), f);
      }
      // The folder itself is its index page, revalidated.
      const index = await fetch(env.base);
      assert.equal(index.status, 200);
      assert.equal(index.headers.get('cache-control'), 'no-cache');
      assert.equal(await index.text(), await readFile(join(DIST, 'index.html'), 'utf8'));
    });

    test('each Accept-Encoding gets the precompressed file it accepts, and the same bytes once decoded', async () => {
      const wasm = publish.first_load.find((f) => f.endsWith('_bg.wasm'));
      const js = publish.first_load.find((f) => /^main-.*\.js$/.test(f));
      for (const f of ['index.html', 'statements.ja.html', wasm, js, publish.on_demand.ja, 'sw.js', 'manifest.webmanifest']) {
        for (const [accept, encoding] of [['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br', 'br'], ['identity', null], ['deflate', null]]) {
          const res = await fetch(env.base + f, { headers: { 'Accept-Encoding': accept } });
          assert.equal(res.status, 200, `${f} ${accept}`);
          assert.equal(res.headers.get('content-encoding'), encoding, `${f} with Accept-Encoding: ${accept}`);
          assert.match(res.headers.get('vary') ?? '', /accept-encoding/i, `${f}: Vary`);
          assert.equal(res.headers.get('content-type')?.split(';')[0], TYPE[f.split('.').pop()], `${f} ${accept}`);
          // fetch decodes what it was sent: the bytes the build wrote.
          assert.deepEqual(Buffer.from(await res.arrayBuffer()), await readFile(join(DIST, f)), `${f} ${accept}`);
        }
      }
    });

    test('a missing file is a 404 with the policy, never the app', async () => {
      for (const f of ['missing.html', 'main-0123456789abcdef.js', 'view_ratios-0123456789abcdef.wasm', 'nope/', 'nope/index.html']) {
        const res = await fetch(env.base + f);
        assert.equal(res.status, 404, f);
        assert.equal(res.headers.get('content-security-policy'), publish.csp_header, f);
        assert.doesNotMatch(await res.text(), /data-pre=|iij-explorer/i, `${f}: not the app`);
      }
    });

    test('every view in both languages, every page: no console error, no CSP violation', async () => {
      const { page, context, problems } = await recordedPage(env.browser);
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      for (const lang of ['en', 'ja']) {
        for (const view of VIEWS) {
          await page.goto(env.base + pageOf(view, lang));
          await appReady(page);
          await page.waitForSelector(`main [data-testid="view-${view}"]`);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          await page.goto(`${env.base}#/${view}${lang === 'ja' ? '?lang=ja' : ''}`);
          await appReady(page);
          await page.waitForSelector(`main [data-testid="view-${view}"]`);
        }
      }
      // The inspector fetches the quoted source lines; Japanese fetched the table.
      await page.goto(`${env.base}#/statements?fig=cis.revenue`);
      await page.waitForSelector('[data-testid="fact-source-line"]');
      assert.deepEqual(problems(), []);
      await context.close();
    });

    test('after one visit the service worker serves every view with the server stopped; a second build deployed over the first replaces it whole', async () => {
      const { page, context, problems } = await recordedPage(env.browser, { serviceWorkers: 'allow' });
      await page.goto(env.base);
      await appReady(page);
      await page.evaluate(async () => { await navigator.serviceWorker.ready; });
      await page.reload();
      await appReady(page);
      assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'controlled after a reload');
      await stopped(env.proc);
      for (const lang of ['en', 'ja']) {
        for (const view of VIEWS) {
          await page.goto(env.base + pageOf(view, lang));
          await appReady(page);
          await page.waitForSelector(`main [data-testid="view-${view}"]`);
        }
      }
      await env.start();

      // A second build, deployed over the first: its files copied into the same folder (the
      // old release's hashed files stay), its worker and pages naming another release. The
      // worker is copied first, the worst order: while the pages are still the first
      // release's, the new worker's install fails (it checks every page's release) and the
      // page offers nothing; once the pages are there, it installs.
      const next = 'e'.repeat(publish.release.length);
      const deploy = async (f) => {
        const text = (await readFile(join(DIST, f), 'utf8')).replaceAll(publish.release, next);
        const out = f === 'sw.js' ? text : text.replace('<title>', '<meta name="iij-release" content="second"><title>');
        await writeFile(join(env.root, f), out);
        await writeFile(join(env.root, `${f}.gz`), gzipSync(out, { level: 9 }));
        await writeFile(join(env.root, `${f}.br`), brotliCompressSync(out));
      };
      await deploy('sw.js');
      const failed = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        const worker = await new Promise((ok) => {
          reg.addEventListener('updatefound', () => ok(reg.installing), { once: true });
          reg.update().catch(() => {});
        });
        await new Promise((ok) => { if (worker.state === 'redundant') ok(); worker.addEventListener('statechange', () => { if (worker.state === 'redundant' || worker.state === 'installed') ok(); }); });
        return { state: worker.state, waiting: !!reg.waiting, caches: await caches.keys() };
      });
      assert.deepEqual(failed, { state: 'redundant', waiting: false, caches: [`iij-explorer-${publish.release}`] }, 'a worker of a release whose pages are not there yet is not installed');
      assert.equal(await page.locator('#update-banner').count(), 0, 'nothing offered');
      for (const f of publish.pages) await deploy(f);
      await page.goto(env.base);
      await appReady(page);
      assert.equal(await page.locator('meta[name="iij-release"]').count(), 0, 'the first release still serves this page');
      const banner = page.locator('#update-banner');
      await banner.waitFor();
      // In the language the visit left stored (the last pages were Japanese).
      assert.match(await banner.innerText(), /A new version is available|新しいバージョンがあります/);
      await Promise.all([page.waitForEvent('load'), banner.locator('button').click()]);
      await appReady(page);
      assert.equal(await page.locator('meta[name="iij-release"]').count(), 1, 'the reload shows the second release');
      assert.deepEqual(await page.evaluate(() => caches.keys()), [`iij-explorer-${next}`], 'only the second release is kept');
      // Every page the worker now serves is of the second release.
      for (const f of publish.pages) {
        await page.goto(env.base + f);
        assert.equal(await page.locator('meta[name="iij-release"]').count(), 1, `${f} is of the second release`);
        await appReady(page);
      }
      assert.deepEqual(problems().filter((p) => !p.includes('Failed to load resource') && !p.includes('ERR_CONNECTION_REFUSED')), []);
      await context.close();
    });
  });
}
