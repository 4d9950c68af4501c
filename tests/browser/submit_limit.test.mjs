// The server's submission limit as the citizen meets it: the wait in words, the offer to
// keep the report on the phone, and the report sent by itself when the wait is over, with
// its tracking ID and PIN, also after a reload. The limit is forced low: one report per
// device key in an 8-second window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, useAduan } from './harness.mjs';

const env = useAduan({
  serveArgs: ['--limit-submit', '1', '--limit-submit-device', '1', '--limit-submit-window', '8'],
});
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function fillReport(page, title) {
  await page.fill('#title', title);
  await page.fill('#body', 'Saluran air di depan pasar tersumbat sampah, banjir setiap hujan sore.');
  await page.fill('#incident_date', '2026-11-20');
  await page.selectOption('#category', 'jalan-jembatan');
  await page.fill('#location-text', 'Jl. Pasar Lama');
  await page.fill('#reporter-phone', '081234567890');
}

async function reporterCopy(trackingId, pin) {
  const res = await fetch(`${env.server.url}api/v1/reports/${encodeURIComponent(trackingId)}/access`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin }),
  });
  return { status: res.status, body: await res.json() };
}

async function newForm(page) {
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
}

test('a limited submission shows the wait, waits on the phone and is sent by itself', async () => {
  const context = await env.browser.newContext(phone);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await newForm(page);
  await fillReport(page, 'Saluran air tersumbat pertama');
  await page.click('#submit-button');
  await page.locator('#done-view:not([hidden])').waitFor({ timeout: 10000 });
  // The browser sent under a device key of its own.
  assert.match(await page.evaluate(() => localStorage.getItem('aduan.device')), /^dk1_[0-9a-f]{32}_[0-9a-f]{32}$/);

  // The second report within the window: the wait in words, no English from the server.
  await newForm(page);
  await fillReport(page, 'Saluran air tersumbat kedua');
  await page.click('#submit-button');
  await page.locator('#limited-offer:not([hidden])').waitFor({ timeout: 5000 });
  const intro = await page.textContent('#limited-intro');
  assert.match(intro, /Coba lagi dalam [1-8] detik\./);
  assert.doesNotMatch(await page.textContent('main'), /Too many|wait before/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'limited-heading');
  await page.screenshot({ path: path.join(artifacts, 'phone-limited-offer.png') });

  await page.click('#limited-keep');
  await page.locator('#queued-view:not([hidden])').waitFor();
  assert.match(await page.textContent('#queued-limited'), /sekitar pukul \d\d[.:]\d\d \(dalam [1-8] detik\)/);
  await page.screenshot({ path: path.join(artifacts, 'phone-limited-queued.png') });
  // When the wait is over it goes by itself, and the page shows the tracking ID and PIN.
  await page.locator('#done-view:not([hidden])').waitFor({ timeout: 20000 });
  const id = (await page.textContent('#tracking-id')).trim();
  const pin = (await page.textContent('#pin')).replace(/\s/g, '');
  const stored = await reporterCopy(id, pin);
  assert.equal(stored.status, 200);
  assert.equal(stored.body.title, 'Saluran air tersumbat kedua');
  await page.screenshot({ path: path.join(artifacts, 'phone-limited-sent.png') });

  // Kept, then another page opened before the wait is over ("Laporan saya", which says when
  // it will go): the report still goes by itself, and the page says so with its tracking ID
  // and PIN.
  await newForm(page);
  await fillReport(page, 'Saluran air tersumbat ketiga');
  await page.click('#submit-button');
  await page.locator('#limited-offer:not([hidden])').waitFor({ timeout: 5000 });
  await page.click('#limited-keep');
  await page.locator('#queued-view:not([hidden])').waitFor();
  await page.goto(env.server.url + 'my.html');
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#waiting-list li', { hasText: /Saluran air tersumbat ketiga.*sekitar pukul/ }).waitFor();
  await page.screenshot({ path: path.join(artifacts, 'phone-limited-waiting-mine.png'), fullPage: true });
  const line = page.locator('#outbox-status', { hasText: 'Saluran air tersumbat ketiga' });
  await line.waitFor({ timeout: 20000 });
  const [, thirdId, thirdPin] = /Nomor pelacakan: (\S+), PIN: (\d{8})/.exec(await line.textContent());
  assert.equal((await reporterCopy(thirdId, thirdPin)).body.title, 'Saluran air tersumbat ketiga');
  await page.locator('#mine-list li', { hasText: 'Saluran air tersumbat ketiga' }).waitFor();
  await page.screenshot({ path: path.join(artifacts, 'phone-limited-sent-after-reload.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
