// The citizen's path in Debian's Chromium against the real aduan binary: open the form on a
// phone-sized screen, see an inline error from the wasm core, correct it, submit, read the
// tracking ID, mistype it (caught in the page, no request), then track it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, useAduan } from './harness.mjs';

const env = useAduan();

test('a citizen submits a complaint and tracks it', async () => {
  const page = await env.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const apiCalls = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/reports')) apiCalls.push(r.method() + ' ' + r.url()); });

  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'id');

  // A title that is too short: the core's code shows as an Indonesian message on leaving it.
  await page.fill('#title', 'Jalan 🚧');
  await page.locator('#title').blur();
  assert.match(await page.textContent('#title-error'), /minimal 10 karakter/);
  assert.equal(await page.getAttribute('#title', 'aria-invalid'), 'true');
  await page.screenshot({ path: path.join(artifacts, 'submit-inline-error.png'), fullPage: true });

  // Correct it and fill in the rest, as a citizen would.
  await page.fill('#title', 'Jalan berlubang di depan Pasar Martapura 🚧');
  await page.locator('#title').blur();
  assert.equal(await page.textContent('#title-error'), '');
  await page.fill('#body', 'Sejak dua minggu lalu ada lubang besar di tengah jalan. Dua pengendara motor sudah jatuh pada malam hari.');
  await page.fill('#incident_date', '2026-11-20');
  await page.selectOption('#category', 'jalan-jembatan');
  await page.fill('#location-text', 'Jl. A. Yani km 39, Martapura');
  await page.fill('#reporter-phone', '08123');
  await page.locator('#reporter-phone').blur();
  assert.match(await page.textContent('#reporter-phone-error'), /08, 62 atau \+62/);
  await page.fill('#reporter-phone', '0812 3456 7890');

  // Nothing was sent while typing.
  assert.deepEqual(apiCalls, []);
  await page.click('#submit-button');
  await page.waitForSelector('#done-view:not([hidden])');
  const trackingId = (await page.textContent('#tracking-id')).trim();
  const pin = (await page.textContent('#pin')).replace(/\D/g, '');
  assert.match(trackingId, /^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
  await page.screenshot({ path: path.join(artifacts, 'submit-done.png'), fullPage: true });

  // The tracking page: a typo is caught by the wasm core before any request.
  await page.goto(env.server.url + 'track.html');
  await page.waitForSelector('body[data-ready="true"]');
  const typo = trackingId.slice(0, -1) + (trackingId.endsWith('Z') ? 'Y' : 'Z');
  apiCalls.length = 0;
  await page.fill('#tracking-input', typo.toLowerCase());
  await page.click('#track-form button[type="submit"]');
  assert.match(await page.textContent('#tracking-error'), /salah ketik/);
  assert.deepEqual(apiCalls, []);

  // The right ID, typed in lower case without dashes.
  await page.fill('#tracking-input', trackingId.replaceAll('-', '').toLowerCase());
  await page.click('#track-form button[type="submit"]');
  await page.waitForSelector('#report:not([hidden])');
  assert.equal(apiCalls.length, 1);
  assert.equal((await page.textContent('#report-id')).trim(), trackingId);
  assert.equal(await page.textContent('#report-status'), 'Belum terverifikasi');
  // Before verification a stranger with the ID sees the status and nothing else.
  assert.match(await page.textContent('#report-title'), /belum tampil untuk umum/);
  assert.doesNotMatch(await page.textContent('#report'), /Jalan berlubang|Martapura|0812|3456/);
  assert.equal(await page.isVisible('#timeline'), false);
  await page.screenshot({ path: path.join(artifacts, 'track-unverified.png'), fullPage: true });

  // The reporter, with the PIN, sees all of it and what they chose.
  await page.fill('#pin-input', pin);
  await page.click('#pin-form button[type="submit"]');
  await page.waitForSelector('#citizen-actions:not([hidden])');
  assert.match(await page.textContent('#report-title'), /Jalan berlubang/);
  assert.match(await page.textContent('#deadline-chip'), /Sesuai jadwal|Mendekati batas/);
  assert.equal(await page.locator('#timeline li').count(), 1);
  assert.match(await page.textContent('#citizen-privacy'), /hanya Anda dan petugas \(rahasia\)/);
  await page.screenshot({ path: path.join(artifacts, 'track.png'), fullPage: true });

  // English on request, the same report.
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#report-status'), 'Not yet verified');
  await page.screenshot({ path: path.join(artifacts, 'track-en.png'), fullPage: true });

  assert.deepEqual(errors, []);
});

test('the transparency page shows statistics and the public list', async () => {
  const page = await env.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url + 'transparency.html');
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#stat-total'), /^\d+$/);
  assert.ok(await page.locator('#chart-status svg[role="img"] rect').count() > 0);
  assert.ok(await page.locator('#public-list li').count() > 0);
  await page.fill('#q', 'Ahmad Yani');
  await page.click('#search-form button[type="submit"]');
  await page.waitForSelector('#public-list li a:text("Jalan berlubang di Jalan Ahmad Yani km 39")');
  // Reports waiting for verification are not listed.
  await page.fill('#q', 'PDAM');
  await page.click('#search-form button[type="submit"]');
  await page.waitForFunction(() => !document.querySelector('#public-list')?.textContent.includes('PDAM'));
  await page.screenshot({ path: path.join(artifacts, 'transparency.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
