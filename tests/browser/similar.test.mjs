// Repeated reports in Debian's Chromium: a citizen typing a complaint that matches an open
// report is offered it and follows it instead of filing again; the coordinator sees a new
// report's likely duplicate and marks it from the report page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, staffApi, staffPage, useAduan } from './harness.mjs';

const env = useAduan();

async function file(report) {
  const res = await fetch(env.server.url + 'api/v1/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      classification: 'complaint', incident_date: '2026-11-20', location: { text: 'Jl. Ahmad Yani' },
      reporter: { phone: '081234567890' }, category: 'jalan-jembatan', confidential: false, ...report,
    }),
  });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return JSON.parse(text).tracking_id;
}

test('a citizen is offered the same problem and follows it', async () => {
  const original = await file({
    title: 'Saluran drainase tersumbat di Jl. Ahmad Yani',
    body: 'Got di jalan Ahmad Yani mampet sehingga air meluap ke jalan setiap hujan deras.',
  });
  // Offered only once verified: the coordinator forwards it.
  await (await staffApi(env.server, 'koordinator')).act(original, { action: 'forward', agency: 'DPUPR' });
  const page = await env.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#title', 'Got mampet di jalan Ahmad Yani');
  await page.fill('#body', 'Saluran air di jalan Ahmad Yani tersumbat sampah, banjir setiap hujan.');
  await page.selectOption('#category', 'jalan-jembatan');
  const offer = page.locator('#similar-list li', { hasText: original });
  await offer.waitFor({ timeout: 10000 });
  assert.match(await page.textContent('#similar-status'), /1 laporan serupa/);
  await page.screenshot({ path: path.join(artifacts, 'similar-offered.png'), fullPage: true });

  await offer.getByRole('button', { name: /Saya juga mengalami ini/ }).click();
  // A phone cannot be reached here (no gateway configured): the page says so, and the
  // citizen follows without a contact.
  await page.getByLabel(/Nomor HP atau email untuk kabar terbaru/).fill('0812 1111 2222');
  await page.getByRole('button', { name: 'Ikuti laporan ini' }).click();
  await page.locator('.follow-form .error', { hasText: 'Kosongkan kolom ini' }).waitFor();
  await page.getByLabel(/Nomor HP atau email untuk kabar terbaru/).fill('');
  await page.getByRole('button', { name: 'Ikuti laporan ini' }).click();
  await page.locator('.notice', { hasText: 'Anda mengikuti laporan ' + original }).waitFor();
  assert.match(await page.textContent('#similar-list'), /bersama 1 warga/);

  // The tracking page counts the follower.
  await page.goto(env.server.url + 'track.html?id=' + original);
  await page.waitForSelector('#followers-row:not([hidden])');
  assert.equal((await page.textContent('#report-followers')).trim(), '1');
  assert.deepEqual(errors, []);
  // And the staff see it on the report.
  const staff = await staffPage(env.browser, env.server, 'koordinator');
  await staff.goto(env.server.url + 'staff/report.html?id=' + original);
  await staff.waitForSelector('#followers-row:not([hidden])');
  assert.equal((await staff.textContent('#report-followers')).trim(), '1');
});

test('the coordinator marks a likely duplicate from the report page', async () => {
  const original = await file({
    title: 'Lampu penerangan jalan mati di Jl. Diponegoro RT 04',
    // (The bulb: a word the other report does not use, for the mark to teach.)
    body: 'Sudah seminggu lampu jalan di Jl. Diponegoro RT 04 padam, bohlamnya putus dan gelap sekali malam hari.',
  });
  const again = await file({
    title: 'PJU padam di jalan Diponegoro RT 4',
    body: 'Lampu penerangan di Jl. Diponegoro RT 4 mati terus sejak minggu lalu, mohon diperbaiki.',
  });
  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.goto(env.server.url + 'staff/report.html?id=' + again);
  const match = page.locator('#similar-list li', { hasText: original });
  await match.waitFor({ timeout: 10000 });
  assert.match(await match.textContent(), /Kemungkinan duplikat/);
  await match.getByRole('button', { name: 'Tandai laporan ini sebagai duplikat dari ' + original }).click();
  const form = page.locator('.action-form');
  assert.equal(await form.locator('[name="archive_reason"]').inputValue(), 'duplicate');
  assert.equal(await form.locator('[name="duplicate_of"]').inputValue(), original);
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('#report-notice:not([hidden])');
  assert.match(await page.textContent('#report-status'), /Diarsipkan/);
  await page.screenshot({ path: path.join(artifacts, 'similar-marked-duplicate.png'), fullPage: true });

  // The mark taught the matcher the words that differ; the coordinator reviews them and
  // rejects one.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(env.server.url + 'staff/term-links.html');
  await page.waitForSelector('body[data-ready="true"]');
  assert.ok(await page.locator('#staff-nav a[href="/staff/term-links.html"]').count(), 'in the coordinator\'s menu');
  const rows = page.locator('#link-list tr');
  assert.ok(await rows.count() > 0, 'the mark taught some pairs');
  assert.match(await page.textContent('#links-total'), /pasangan dari paling banyak 50\.000/);
  const first = rows.first();
  const pair = (await first.locator('td').first().textContent()).trim();
  assert.match(await first.textContent(), /1 kali/);
  await first.getByRole('button', { name: 'Tolak pasangan ' + pair }).click();
  const rejected = page.locator('#link-list tr', { hasText: pair });
  await rejected.getByRole('button', { name: 'Pakai lagi pasangan ' + pair }).waitFor();
  assert.match(await rejected.textContent(), /Ditolak/);
  await page.screenshot({ path: path.join(artifacts, 'staff-term-links.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
});
