// The citizen on a phone, in Debian's Chromium with a 360 px screen: a report written
// offline waits on the phone and is sent when the connection returns; a photo is scaled
// down, uploaded over a slow connection and reaches the staff without its location; the
// first visit stays within the page-weight budget and repeat visits come from the phone;
// axe-core finds no WCAG 2.1 AA violation on any citizen page, in either language, with the
// menu and "how it works" open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { artifacts, staffPage, useAduan } from './harness.mjs';
import { kBudgetBytes, kPages, measure } from '../../tools/page_weight.mjs';

const env = useAduan();
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function openPhone(url = env.server.url) {
  const context = await env.browser.newContext(phone);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  // The service worker holds the app before the test cuts the connection.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  return { context, page };
}

async function fillReport(page, title) {
  await page.fill('#title', title);
  await page.fill('#body', 'Lampu penerangan jalan di depan sekolah sudah mati seminggu, gelap sekali pada malam hari.');
  await page.fill('#incident_date', '2026-11-20');
  await page.selectOption('#category', 'jalan-jembatan');
  await page.fill('#location-text', 'Jl. Pendidikan depan SDN 3');
  await page.fill('#reporter-phone', '081234567890');
}

// The stored report as its reporter reads it (a stranger sees nothing before verification).
async function reporterCopy(trackingId, pin) {
  const res = await fetch(`${env.server.url}api/v1/reports/${encodeURIComponent(trackingId)}/access`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin }),
  });
  return { status: res.status, body: await res.json() };
}

test('a report written offline waits on the phone and is sent when the connection returns', async () => {
  const { context, page } = await openPhone();
  await fillReport(page, 'Lampu jalan mati di depan sekolah');
  await context.setOffline(true);
  await page.click('#submit-button');
  // Nothing is sent without the citizen's consent.
  await page.locator('#offline-offer').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'offline-heading');
  await page.click('#offline-keep');
  await page.locator('#queued-view').waitFor();

  // Still offline: the form opens from the phone, empty, and says a report is waiting.
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#title'), '');
  await page.locator('#waiting-line:not([hidden])', { hasText: '1 laporan menunggu' }).waitFor();
  // "My reports" opens from the phone too and shows the waiting report.
  await page.goto(env.server.url + 'my.html');
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#waiting-list li', { hasText: 'Lampu jalan mati di depan sekolah' }).waitFor();
  await page.screenshot({ path: path.join(artifacts, 'phone-waiting-offline.png'), fullPage: true });

  await context.setOffline(false);
  const sent = page.locator('#mine-list li', { hasText: 'Lampu jalan mati di depan sekolah' });
  await sent.waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.getElementById('waiting').hidden);
  assert.match(await page.textContent('#outbox-status'), /sudah terkirim/);
  const trackingId = await sent.getAttribute('data-id');
  const pin = new URLSearchParams((await sent.locator('a').first().getAttribute('href')).split('#')[1]).get('pin');
  const stored = await reporterCopy(trackingId, pin);
  assert.equal(stored.status, 200);
  assert.equal(stored.body.title, 'Lampu jalan mati di depan sekolah');
  await page.locator('#mine-list li .mine-report-status', { hasText: 'Belum terverifikasi' }).waitFor();
  await page.screenshot({ path: path.join(artifacts, 'phone-sent-after-reconnect.png'), fullPage: true });

  // The form starts empty for the next report: the draft went with the report.
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#title'), '');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// A 2400x1800 JPEG from the browser's own encoder with an EXIF block carrying a GPS
// position and the camera's make spliced in after its start, as a phone camera writes it.
async function cameraPhoto(page, file) {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 2400;
    c.height = 1800;
    const g = c.getContext('2d');
    g.fillStyle = '#3a7'; g.fillRect(0, 0, 2400, 1800);
    g.fillStyle = '#fff'; g.fillRect(600, 400, 1200, 900);
    return c.toDataURL('image/jpeg', 0.9);
  });
  const jpeg = Buffer.from(dataUrl.split(',')[1], 'base64');
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), Buffer.from('GPSLatitude -3.4412 GPSLongitude 114.8301 Make KameraHP SerialNumber 998877')]);
  const app1 = Buffer.concat([Buffer.from([0xFF, 0xE1, (payload.length + 2) >> 8, (payload.length + 2) & 0xFF]), payload]);
  writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]));
}

test('a photo is scaled down, sent over a slow connection and reaches the staff without its location', async () => {
  const { context, page } = await openPhone();
  const photo = path.join(env.dir, 'IMG_20261120_rumah.jpg');
  await cameraPhoto(page, photo);
  assert.ok(readFileSync(photo).includes('GPSLatitude'));
  // A slow mobile connection: 400 kbit/s up, 300 ms round trip.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300,
    downloadThroughput: 1.6e6 / 8, uploadThroughput: 4e5 / 8 });

  await fillReport(page, 'Lampu jalan mati dekat pasar');
  await page.selectOption('#region-province', '63');
  await page.waitForFunction(() => document.querySelector('#region-regency option[value="63.03"]'));
  await page.selectOption('#region-regency', '63.03');
  // A PDF over the core's limit is refused on the phone, with the limit named.
  const big = path.join(env.dir, 'surat.pdf');
  writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 32), Buffer.from('%%EOF\n')]));
  await page.setInputFiles('#attachment-input', big);
  await page.locator('#attachments-refused', { hasText: 'PDF 10 MB' }).waitFor();
  assert.equal(await page.locator('#attachment-list li').count(), 0);
  await page.setInputFiles('#attachment-input', photo);
  const item = page.locator('#attachment-list li');
  await item.waitFor();
  assert.match(await page.textContent('#attachments-status'), /Foto 1 ditambahkan/);
  // On the server but not sent: the report itself has not gone yet.
  await item.locator('.attachment-state', { hasText: 'Terunggah, siap dikirim' }).waitFor({ timeout: 30000 });
  assert.equal(await item.locator('progress').getAttribute('value'), '100');

  // A reload keeps the text and the photo (already on the server, not sent again).
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#title'), 'Lampu jalan mati dekat pasar');
  assert.equal(await page.inputValue('#region-regency'), '63.03');
  await page.locator('#attachment-list li .attachment-state', { hasText: 'Terunggah, siap dikirim' }).waitFor();

  await page.click('#submit-button');
  await page.locator('#done-view').waitFor({ timeout: 30000 });
  const trackingId = (await page.textContent('#tracking-id')).trim();
  const pin = (await page.textContent('#pin')).replace(/\s/g, '');
  await page.screenshot({ path: path.join(artifacts, 'phone-photo-sent.png'), fullPage: true });

  // The reporter's copy: scaled to the core's long side, with no trace of the EXIF block.
  const res = await fetch(`${env.server.url}api/v1/reports/${trackingId}/attachments/1`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin }) });
  assert.equal(res.status, 200);
  const kept = Buffer.from(await res.arrayBuffer());
  for (const secret of ['Exif', 'GPS', 'KameraHP', '998877', 'rumah']) {
    assert.ok(!kept.includes(secret), `${secret} reached the server's copy`);
  }
  const view = await (await fetch(`${env.server.url}api/v1/reports/${trackingId}/access`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin }) })).json();
  assert.equal(view.location.region_code, '63.03');
  assert.match(view.location.region_name, /Kabupaten Banjar/);
  assert.equal(view.attachments.length, 1);
  assert.equal(view.attachments[0].width, 1600);
  assert.equal(view.attachments[0].height, 1200);
  assert.ok(kept.length < readFileSync(photo).length);

  // "My reports" finds it, and its page shows the reporter's photo.
  await page.goto(env.server.url + 'my.html');
  await page.waitForSelector('body[data-ready="true"]');
  const mine = page.locator(`#mine-list li[data-id="${trackingId}"]`);
  await mine.waitFor();
  await mine.locator('a').click();
  await page.locator('#reporter-attachments img').waitFor({ timeout: 15000 });
  assert.deepEqual(page.errors, []);
  await context.close();

  // The coordinator sees the photo on the report page.
  const staff = await staffPage(env.browser, env.server, 'koordinator');
  await staff.goto(`${env.server.url}staff/report.html?id=${trackingId}`);
  await staff.waitForSelector('body[data-ready="true"]');
  const shown = staff.locator('#files-list img');
  await shown.waitFor();
  await staff.waitForFunction(() => document.querySelector('#files-list img').naturalWidth > 0);
  assert.equal(await shown.evaluate((img) => img.naturalWidth), 1600);
  await staff.screenshot({ path: path.join(artifacts, 'staff-report-photo.png') });
  assert.deepEqual(staff.errors, []);
  await staff.context().close();
});

test('the first visit stays within the page-weight budget and repeat visits come from the phone', async () => {
  const m = await measure(env.browser, env.server.url);
  console.log(`submit page, first visit: ${(m.first / 1024).toFixed(1)} KB in ${m.files.length} responses`);
  assert.ok(m.first <= kBudgetBytes, `${m.first} bytes over the ${kBudgetBytes} budget`);
  assert.ok(m.files.some((f) => f.url.endsWith('aduan_core.wasm')), 'the wasm core was counted');
  assert.deepEqual(m.repeatNetworkFiles, []);
});

test('every citizen page reads with the text at 200 % on a phone, without sideways scrolling', async () => {
  const context = await env.browser.newContext(phone);
  for (const p of kPages) {
    const page = await context.newPage();
    await page.goto(env.server.url + p);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    // As the page opens, then with its disclosures (the menu, "how it works") open.
    for (const state of ['closed', 'open']) {
      if (state === 'open') await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `/${p} scrolls sideways by ${overflow}px at 200 % (${state})`);
      // No text cut off inside its box either (a long word in a heading).
      const clipped = await page.evaluate(() => [...document.querySelectorAll('h1, h2, p, label, legend, a, button, summary')]
        .filter((e) => e.checkVisibility() && e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent.trim().slice(0, 30)));
      assert.deepEqual(clipped, [], `/${p} at 200 % (${state})`);
    }
    if (p === '') await page.screenshot({ path: path.join(artifacts, 'phone-text-200.png') });
    await page.close();
  }
  await context.close();
});

test('axe-core finds no WCAG 2.1 AA violation on any citizen page', async () => {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // A report of this phone, opened with its PIN, so the tracking page shows everything.
  const { context, page } = await openPhone();
  await context.close();
  const res = await fetch(env.server.url + 'api/v1/reports', { method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ classification: 'complaint', title: 'Sampah menumpuk di pasar',
      body: 'Sampah di pasar lama tidak diangkut sejak minggu lalu dan mulai berbau.',
      incident_date: '2026-11-20', location: { text: 'Pasar lama' }, category: 'jalan-jembatan',
      reporter: { phone: '081234567890' } }) });
  const sent = await res.json();
  const pages = [...kPages.map((p) => env.server.url + p),
    `${env.server.url}track.html?id=${sent.tracking_id}#pin=${sent.pin}`];
  for (const lang of ['id', 'en']) {
    // The page's own CSP forbids injected scripts; the test lifts it to run axe.
    const ctx = await env.browser.newContext({ ...phone, bypassCSP: true });
    await ctx.addInitScript((l) => localStorage.setItem('aduan.lang', l), lang);
    await ctx.addInitScript((entry) => localStorage.setItem('aduan.mine', JSON.stringify([entry])),
      { tracking_id: sent.tracking_id, pin: sent.pin, title: 'Sampah menumpuk di pasar', sent_at: sent.created_at });
    for (const url of pages) {
      const p = await ctx.newPage();
      await p.goto(url);
      await p.waitForSelector('body[data-ready="true"]');
      if (url.includes('#pin=')) await p.locator('#citizen-actions').waitFor();
      // What hides in closed disclosures is checked too: the phone's menu and "how it works".
      await p.evaluate(() => { for (const d of document.querySelectorAll('header .menu, #how')) d.open = true; });
      await p.addScriptTag({ content: axe });
      const result = await p.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(found, [], `${lang} ${url}`);
      assert.ok(result.passes.length > 10, 'axe ran its checks');
      await p.close();
    }
    await ctx.close();
  }
});
