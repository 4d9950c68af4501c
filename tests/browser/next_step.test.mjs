// The tracking page puts what the report waits for from its reporter first: a resolved report
// is confirmed and rated in one step from the card at the top, with the day it closes by
// itself; a postponed report shows the question, the last day to answer and what follows.
// Without the PIN the same card speaks of "the reporter". On a 360 px phone with touch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { artifacts, staffApi, useAduan } from './harness.mjs';

const env = useAduan();
// bypassCSP: the page's own policy forbids the injected axe-core script.
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };
const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// WCAG 2.1 AA problems axe-core finds on the page as it is.
async function axeViolations(page) {
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function submit(title) {
  const res = await fetch(env.server.url + 'api/v1/reports', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      classification: 'complaint', title, incident_date: '2026-11-19', category: 'jalan-jembatan',
      body: 'Setiap hujan air meluap ke jalan karena saluran tersumbat sampah. Anak sekolah harus melewati genangan.',
      location: { text: 'Jl. Menteri Empat, Martapura', region_code: '63.03' },
      reporter: { email: 'warga@contoh.id' }, anonymous: false, confidential: false,
    }),
  });
  assert.equal(res.status, 201);
  return res.json();
}

async function resolvedReport() {
  const r = await submit('Saluran air tersumbat di depan SDN 1 Martapura');
  const coordinator = await staffApi(env.server, 'koordinator');
  const admin = await staffApi(env.server, 'admin.dpupr');
  await coordinator.act(r.tracking_id, { action: 'forward', agency: 'DPUPR', tier: 'light' });
  await admin.act(r.tracking_id, { action: 'respond', note: 'Tim kebersihan saluran dijadwalkan datang besok pagi.' });
  await admin.act(r.tracking_id, { action: 'resolve', publish: true,
    note: 'Saluran sudah dibersihkan dan diberi penutup besi agar sampah tidak masuk lagi.' });
  return r;
}

// The date as the page writes it in Indonesian; the day itself is the server's.
async function dueOf(id) {
  const report = await (await fetch(`${env.server.url}api/v1/reports/${id}`)).json();
  const [y, m, d] = report.citizen_step.due.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('id-ID', {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

async function openTracking(id, pin) {
  const context = await env.browser.newContext(phone);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.actions = 0;
  page.on('request', (req) => { if (req.url().endsWith('/actions')) page.actions += 1; });
  await page.goto(`${env.server.url}track.html?id=${id}` + (pin ? `#pin=${pin}` : ''));
  await page.waitForSelector('body[data-ready="true"]');
  if (pin) await page.waitForSelector('#citizen-actions:not([hidden])');
  return page;
}

test('a resolved report is confirmed and rated with one tap on a star and one on "Ya, sudah selesai"', async () => {
  const r = await resolvedReport();
  const due = await dueOf(r.tracking_id);
  const page = await openTracking(r.tracking_id, r.pin);
  const card = page.locator('#next-step');
  await card.waitFor();
  assert.equal(await card.locator('h2').textContent(), 'Apakah masalah Anda sudah selesai?');
  // First on the screen: the card and its buttons within the first 740 px, above the report.
  const button = await page.getByRole('button', { name: 'Ya, sudah selesai' }).boundingBox();
  assert.ok(button.y + button.height <= 740, `button at ${button.y}`);
  assert.ok((await card.boundingBox()).y < (await page.locator('#report').boundingBox()).y);
  const text = await card.textContent();
  assert.ok(text.includes(`Jawab paling lambat ${due}. Jika tidak ada jawaban, laporan ditutup otomatis`), text);
  // Agency and region, as the staff see them; the reporter's own address too.
  assert.equal(await page.textContent('#report-agency'), 'Dinas Pekerjaan Umum dan Penataan Ruang');
  assert.match(await page.textContent('#report-region'), /Banjar/);
  assert.equal(await page.textContent('#report-location'), 'Jl. Menteri Empat, Martapura');
  assert.equal(await page.textContent('#report-status'), 'Selesai ditindaklanjuti — menunggu konfirmasi Anda');
  // The same actions are not offered again further down.
  assert.equal(await page.locator('#citizen-buttons button', { hasText: 'selesai' }).count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: path.join(artifacts, 'track-resolved-after.png') });
  await page.screenshot({ path: path.join(artifacts, 'track-resolved-after-full.png'), fullPage: true });

  await page.tap('#next-step label[for="step-star-4"]');
  assert.equal(await page.locator('#next-step label.on').count(), 4);
  await page.getByRole('button', { name: 'Ya, sudah selesai' }).tap();
  await page.waitForSelector('text=Nilai Anda: 4 dari 5');
  assert.equal(page.actions, 1);  // confirmed and rated in one request
  assert.equal(await page.textContent('#report-status'), 'Selesai');
  assert.equal(await card.isHidden(), true);
  assert.equal(await page.textContent('#next-step-done'), 'Terima kasih, tanggapan Anda tersimpan.');
  assert.match(await page.textContent('#timeline'), /Dinilai/);
  await page.screenshot({ path: path.join(artifacts, 'track-resolved-after-confirmed.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('"Belum selesai" asks why in the card and reopens the report', async () => {
  const r = await resolvedReport();
  const page = await openTracking(r.tracking_id, r.pin);
  await page.getByRole('button', { name: 'Belum selesai' }).tap();
  await page.locator('#reopen-note').fill('Saluran masih tersumbat di ujung timur.');
  await page.locator('#next-step .action-form button[type="submit"]').tap();
  await page.waitForSelector('#next-step-done:not([hidden])');
  assert.equal(await page.textContent('#report-status'), 'Sedang diproses');
  assert.equal(await page.locator('#next-step').isHidden(), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a postponed report shows the question, the last day to answer, and takes the answer', async () => {
  const r = await submit('Jalan berlubang di Jl. A. Yani km 5');
  const coordinator = await staffApi(env.server, 'koordinator');
  await coordinator.act(r.tracking_id, { action: 'postpone', note: 'Di sisi jalan mana lubangnya, dan dekat bangunan apa?' });
  const page = await openTracking(r.tracking_id, r.pin);
  const card = page.locator('#next-step');
  await card.waitFor();
  assert.equal(await card.locator('h2').textContent(), 'Petugas menunggu keterangan Anda');
  assert.equal(await card.locator('blockquote').textContent(), 'Di sisi jalan mana lubangnya, dan dekat bangunan apa?');
  const text = await card.textContent();
  const reporter = await page.evaluate(async ([id, pin]) => (await (await fetch(`/api/v1/reports/${id}/access`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin }) })).json()).citizen_step,
  [r.tracking_id, r.pin]);
  const [y, m, d] = reporter.due.split('-').map(Number);
  const due = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  assert.ok(text.includes(`Jawab paling lambat ${due}. Jika belum dijawab, koordinator dapat mengarsipkan laporan karena tidak lengkap.`), text);
  // Not yet forwarded: the page says so instead of a dash.
  assert.match(await page.textContent('#report-agency'), /^Belum ditentukan/);
  const answer = await page.getByRole('button', { name: 'Jawab pertanyaan' }).boundingBox();
  assert.ok(answer.y + answer.height <= 740, `button at ${answer.y}`);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: path.join(artifacts, 'track-postponed-after.png') });
  await page.screenshot({ path: path.join(artifacts, 'track-postponed-after-full.png'), fullPage: true });

  await page.getByRole('button', { name: 'Jawab pertanyaan' }).tap();
  await page.locator('#answer-note').fill('Sisi timur, depan Masjid Al Karomah.');
  await page.locator('#next-step .action-form button[type="submit"]').tap();
  await page.waitForSelector('#next-step-done:not([hidden])');
  assert.equal(await page.textContent('#report-status'), 'Belum terverifikasi');
  assert.equal(await card.isHidden(), true);
  assert.match(await page.textContent('#timeline'), /Pelapor memberi keterangan/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without the PIN the card and the status speak of the reporter, not to the reader', async () => {
  const r = await resolvedReport();
  const due = await dueOf(r.tracking_id);
  const page = await openTracking(r.tracking_id, '');
  const card = page.locator('#next-step');
  await card.waitFor();
  assert.equal(await card.locator('h2').textContent(), 'Menunggu konfirmasi pelapor');
  assert.ok((await card.textContent()).includes(due));
  assert.equal(await page.textContent('#report-status'), 'Selesai ditindaklanjuti — menunggu konfirmasi pelapor');
  assert.doesNotMatch(await card.textContent(), /\bAnda\b(?! pelapornya)/);
  assert.doesNotMatch(await page.textContent('#report'), /\bAnda\b/);
  assert.equal(await page.textContent('#report-agency'), 'Dinas Pekerjaan Umum dan Penataan Ruang');
  assert.match(await page.textContent('#report-region'), /Banjar/);
  assert.equal(await page.locator('#location-row').isHidden(), true);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: path.join(artifacts, 'track-resolved-public-after.png') });
  // The transparency page lists it with the same public wording.
  await page.goto(env.server.url + 'transparency.html');
  await page.waitForSelector('body[data-ready="true"]');
  assert.doesNotMatch(await page.textContent('main'), /menunggu (konfirmasi|keterangan) Anda/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
