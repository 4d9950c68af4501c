// Starts the real aduan binary on a free port with a demo database, and Debian's Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

// Where screenshots go: the build's test-artifacts folder under ctest.
export const artifacts = process.env.ADUAN_ARTIFACTS ?? path.resolve('test-artifacts');
mkdirSync(artifacts, { recursive: true });

// Starts a demo aduan and Chromium before the file's tests and stops both after; the
// returned object holds `server` and `browser` once the tests run. `seedReports`: that many
// generated reports (`aduan seed`) beside the demo's, for pages seen with a realistic load;
// `serveArgs`: extra flags of `aduan serve` (a low limit, say); `prepare(dbPath)`: runs on the
// demo store before the server starts.
export function useAduan({ seedReports = 0, serveArgs = [], prepare } = {}) {
  const env = {};
  before(async () => {
    env.dir = mkdtempSync(path.join(tmpdir(), 'aduan-browser-'));
    env.server = await startAduan(path.join(env.dir, 'aduan.db'), { seedReports, serveArgs, prepare });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
    rmSync(env.dir, { recursive: true, force: true });
  });
  return env;
}

export async function startAduan(dbPath, { seedReports = 0, serveArgs = [], prepare } = {}) {
  const bin = process.env.ADUAN_BIN;
  if (!bin) throw new Error('ADUAN_BIN is not set');
  const demo = execFileSync(bin, ['demo', '--db', dbPath], { encoding: 'utf8' });
  if (seedReports) execFileSync(bin, ['seed', '--db', dbPath, '--reports', String(seedReports)]);
  prepare?.(dbPath);
  const passwords = Object.fromEntries([...demo.matchAll(/account: (\S+) password: (\S+)/g)].map((m) => [m[1], m[2]]));
  // ADUAN_ASSETS: pages from a folder instead of the binary's copy, to try a page change
  // without rebuilding.
  const assets = process.env.ADUAN_ASSETS ? ['--assets', process.env.ADUAN_ASSETS] : [];
  const proc = spawn(bin, ['serve', '--db', dbPath, '--port', '0', ...assets, ...serveArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('aduan did not start: ' + log)), 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/[\d.]+:\d+\//);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    proc.on('exit', (code) => reject(new Error(`aduan exited with ${code}: ${log}`)));
  });
  return {
    url,
    passwords,
    stop: () => new Promise((resolve) => { proc.on('exit', resolve); proc.kill('SIGTERM'); }),
  };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // No background traffic and no proxy: only the loopback server is reached.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--no-proxy-server'],
  });
}

// Logs a staff member in through the login page of a fresh browser context.
export async function staffPage(browser, server, username) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(server.url + 'staff/');
  await page.fill('#username', username);
  await page.fill('#password', server.passwords[username]);
  await page.click('#login-form button[type="submit"]');
  // The login page is itself "ready"; wait for the page it leads to.
  await page.waitForURL(/\/staff\/(queue|holidays)\.html/);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

// Opens a report in the staff panel and carries out one action through its form.
export async function staffAction(page, server, trackingId, verb, fill = async () => {}) {
  await page.goto(server.url + 'staff/report.html?id=' + encodeURIComponent(trackingId));
  await page.waitForSelector('#report:not([hidden])', { timeout: 10000 }).catch(async (e) => {
    throw new Error(`${e.message}\nnotice: ${await page.textContent('#report-notice')}\nerrors: ${page.errors}`);
  });
  await page.getByRole('button', { name: verb, exact: true }).click();
  await fill(page.locator('.action-form'));
  await page.locator('.action-form button[type="submit"]').click();
  await page.waitForSelector('#report-notice:not([hidden])');
}

// A report filed through the public API as a citizen's phone would: a road complaint in
// Martapura unless `fields` says otherwise. Returns its tracking ID.
export async function fileReport(server, fields = {}) {
  const res = await fetch(server.url + 'api/v1/reports', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      classification: 'complaint', incident_date: '2026-11-20', location: { text: 'Jl. A. Yani km 39, Martapura' },
      reporter: { name: 'Siti Aminah', phone: '081234567890' }, category: 'jalan-jembatan', agency: 'DPUPR',
      title: 'Lubang besar di Jl. A. Yani km 39', body: 'Ada lubang besar di tengah jalan sejak dua minggu lalu, sudah ada pengendara yang jatuh.',
      ...fields,
    }),
  });
  if (res.status !== 201) throw new Error(`filing a report: ${res.status} ${await res.text()}`);
  return (await res.json()).tracking_id;
}

// A staff member's API session over plain HTTP (no browser): `act(id, body)` posts a
// workflow action on the version the staff member sees.
export async function staffApi(server, username) {
  const login = await fetch(server.url + 'api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: server.passwords[username] }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' };
  const get = async (id) => (await fetch(`${server.url}api/v1/staff/reports/${id}`, { headers })).json();
  return {
    headers,
    get,
    async act(id, body) {
      const { version } = await get(id);
      const res = await fetch(`${server.url}api/v1/staff/reports/${id}/actions`, {
        method: 'POST', headers, body: JSON.stringify({ version, ...body }),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${body.action} ${id}: ${res.status} ${text}`);
      return JSON.parse(text);
    },
  };
}
