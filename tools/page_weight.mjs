#!/usr/bin/env node
// What a citizen's phone downloads on the first visit to each citizen page (HTML, CSS, JS,
// the wasm core, icons, the lists the form needs), as sent over the wire (compressed), and
// on a repeat visit once the service worker holds the app.
//   node tools/page_weight.mjs              builds nothing; starts build/server/aduan on a demo store
//   ADUAN_URL=http://127.0.0.1:8080/ node tools/page_weight.mjs    against a running aduan
// The browser test tests/browser/phone.test.mjs holds the submit page to the budget.
import { fileURLToPath } from 'node:url';

export const kBudgetBytes = 150 * 1024;
export const kPages = ['', 'track.html', 'my.html', 'transparency.html'];

// Loads `url` in a fresh context (empty cache, no service worker) and adds up the bytes of
// every response: the encoded body plus headers, as the network carried them. Then loads it
// again and counts what still came from the network rather than the service worker.
export async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const page = await context.newPage();
  const responses = [];
  // On the context: the service worker's own fetches (its install) are counted too.
  context.on('response', (r) => responses.push(r));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await page.waitForLoadState('networkidle');
  const files = [];
  for (const r of responses) {
    const sizes = await r.request().sizes().catch(() => null);
    if (!sizes || r.fromServiceWorker()) continue;
    files.push({ url: r.url().replace(url.replace(/[^/]*$/, ''), '/'), bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      worker: !!r.request().serviceWorker() });
  }
  const first = files.reduce((sum, f) => sum + f.bytes, 0);
  const worker = files.filter((f) => f.worker).reduce((sum, f) => sum + f.bytes, 0);

  const again = [];
  context.removeAllListeners('response');
  context.on('response', (r) => again.push(r));
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  await page.waitForLoadState('networkidle');
  const fromNetwork = again.filter((r) => !r.fromServiceWorker() && !new URL(r.url()).pathname.startsWith('/api/'));
  await context.close();
  return { first, worker, files, repeatNetworkFiles: fromNetwork.map((r) => r.url()) };
}

async function main() {
  const { launchBrowser, startAduan } = await import('../tests/browser/harness.mjs');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  let server = null;
  let dir = null;
  let base = process.env.ADUAN_URL;
  if (!base) {
    process.env.ADUAN_BIN ??= new URL('../build/server/aduan', import.meta.url).pathname;
    dir = mkdtempSync(path.join(tmpdir(), 'aduan-weight-'));
    server = await startAduan(path.join(dir, 'aduan.db'));
    base = server.url;
  }
  const browser = await launchBrowser();
  console.log(`page weight, first visit on an empty phone (budget ${kBudgetBytes / 1024} KB):`);
  for (const p of kPages) {
    const m = await measure(browser, base + p);
    console.log(`  /${p.padEnd(18)} ${(m.first / 1024).toFixed(1).padStart(6)} KB in ${m.files.length} responses ` +
      `(${(m.worker / 1024).toFixed(1)} KB of them the service worker storing the app); ` +
      `repeat visit: ${m.repeatNetworkFiles.length} app files from the network`);
    if (process.env.VERBOSE) for (const f of m.files) console.log(`      ${(f.bytes / 1024).toFixed(1).padStart(6)} KB ${f.url}${f.worker ? ' (service worker)' : ''}`);
  }
  await browser.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
