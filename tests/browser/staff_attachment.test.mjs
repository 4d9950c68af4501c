// Staff files in Debian's Chromium with 3,000 reports: the agency admin attaches an "after"
// photo to the response the reporter reads, and a letter to an internal note; on the
// tracking page at 360 px, opened with the PIN, the reporter sees the photo on the response
// and nothing of the internal note's letter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { artifacts, staffApi, staffPage, useAduan } from './harness.mjs';

const env = useAduan({ seedReports: 3000 });

// A real PNG the browser can draw: `w` x `h` pixels of one colour, with a text chunk that
// names the photographer (the server drops it).
function png(w, h, [r, g, b]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: h }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('tEXt', Buffer.from('Author\0Petugas Agus', 'latin1')),
    chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

const kLetter = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const kResponse = 'Lubang sudah ditambal hari ini; foto sesudah perbaikan terlampir.';
const kInternal = 'Nota dinas anggaran tambalan untuk arsip internal.';

async function post(route, body) {
  const res = await fetch(env.server.url + route, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

test('an agency admin attaches an after photo the reporter sees; an internal note\'s file stays inside', async () => {
  const filed = await post('api/v1/reports', {
    classification: 'complaint', title: 'Jalan berlubang di depan Pasar Martapura',
    body: 'Lubang besar di tengah jalan depan pasar, sudah dua minggu belum diperbaiki.',
    incident_date: '2026-11-20', category: 'jalan-jembatan',
    location: { text: 'Depan Pasar Martapura', region_code: '63.03' },
    reporter: { name: 'Siti Aminah', phone: '081234567890' }, anonymous: false, confidential: false,
  });
  assert.equal(filed.status, 201);
  const { tracking_id: id, pin } = filed.body;
  await (await staffApi(env.server, 'koordinator')).act(id, { action: 'forward', agency: 'DPUPR' });

  const staff = await staffPage(env.browser, env.server, 'admin.dpupr');
  await staff.setViewportSize({ width: 1366, height: 800 });
  await staff.goto(env.server.url + 'staff/report.html?id=' + id);
  await staff.waitForSelector('body[data-ready="true"]');
  await staff.getByRole('button', { name: 'Tanggapi', exact: true }).click();
  let form = staff.locator('.action-form');
  await form.locator('#note').fill(kResponse);
  // The file field says what it takes; the chosen file is listed before sending.
  assert.match(await form.textContent(), /Lampiran \(foto sesudah, surat resmi\)/);
  await form.locator('#attachments').setInputFiles({ name: 'sesudah.png', mimeType: 'image/png', buffer: png(160, 120, [40, 120, 90]) });
  await form.locator('.picked-files li', { hasText: 'sesudah.png' }).waitFor();
  await staff.screenshot({ path: path.join(artifacts, 'staff-attach-form.png') });
  await form.locator('button[type="submit"]').click();
  await staff.waitForSelector('#report-notice:not([hidden])');
  // The staff timeline shows the response's photo.
  const photo = staff.locator('#timeline li', { hasText: kResponse }).locator('.entry-files img');
  await photo.waitFor();
  await staff.waitForFunction(() => [...document.querySelectorAll('#timeline .entry-files img')].every((i) => i.complete && i.naturalWidth > 0));

  // An internal note with a letter.
  await staff.getByRole('button', { name: 'Catatan internal', exact: true }).click();
  form = staff.locator('.action-form');
  await form.locator('#note').fill(kInternal);
  await form.locator('#attachments').setInputFiles({ name: 'nota-dinas.pdf', mimeType: 'application/pdf', buffer: kLetter });
  await form.locator('button[type="submit"]').click();
  await staff.locator('#timeline li', { hasText: kInternal }).locator('.entry-files a', { hasText: 'PDF' }).waitFor();
  await staff.locator('#timeline').scrollIntoViewIfNeeded();
  await staff.screenshot({ path: path.join(artifacts, 'staff-attach-timeline.png') });
  await staff.screenshot({ path: path.join(artifacts, 'staff-attach-timeline-full.png'), fullPage: true });
  assert.deepEqual(staff.errors, []);

  // The reporter on a phone, with the PIN.
  const phone = await env.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  const errors = [];
  phone.on('pageerror', (e) => errors.push(e.message));
  await phone.goto(env.server.url + 'track.html?id=' + id);
  await phone.waitForSelector('body[data-ready="true"]');
  await phone.waitForSelector('#pin-form:not([hidden])');
  await phone.fill('#pin-input', pin);
  await phone.click('#pin-form button[type="submit"]');
  await phone.waitForSelector('#citizen-actions:not([hidden])');
  const seen = phone.locator('#timeline li', { hasText: kResponse }).locator('.entry-files img');
  await seen.waitFor();
  await phone.waitForFunction(() => {
    const img = document.querySelector('#timeline .entry-files img');
    return img && img.complete && img.naturalWidth === 160;
  });
  assert.equal(await phone.locator('#timeline .entry-files li').count(), 1);
  const shown = await phone.textContent('#report');
  assert.doesNotMatch(shown, /Nota dinas|PDF/);
  // The photo fits the phone's width.
  const box = await seen.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box));
  await seen.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(artifacts, 'track-staff-photo-360.png') });
  await phone.screenshot({ path: path.join(artifacts, 'track-staff-photo-360-full.png'), fullPage: true });
  // A stranger without the PIN gets no file.
  const stranger = await env.browser.newPage({ viewport: { width: 360, height: 740 } });
  await stranger.goto(env.server.url + 'track.html?id=' + id);
  await stranger.waitForSelector('#report:not([hidden])');
  assert.equal(await stranger.locator('.entry-files').count(), 0);
  assert.deepEqual(errors, []);
});

test('an officer is offered "resolve" only while the agency allows it', async () => {
  const filed = await post('api/v1/reports', {
    classification: 'complaint', title: 'Lampu jalan padam di Jalan Sukaramai',
    body: 'Tiga lampu jalan padam sejak minggu lalu, jalan gelap sekali pada malam hari.',
    incident_date: '2026-11-20', category: 'jalan-jembatan',
    location: { text: 'Jalan Sukaramai', region_code: '63.03' },
    reporter: { name: 'Siti Aminah', phone: '081234567890' }, anonymous: false, confidential: false,
  });
  const { tracking_id: id } = filed.body;
  await (await staffApi(env.server, 'koordinator')).act(id, { action: 'forward', agency: 'DPUPR' });
  await (await staffApi(env.server, 'admin.dpupr')).act(id, { action: 'assign', officer: 'petugas.dpupr' });
  await (await staffApi(env.server, 'petugas.dpupr')).act(id, { action: 'respond', note: 'Tim kami periksa besok pagi.' });

  const officer = await staffPage(env.browser, env.server, 'petugas.dpupr');
  await officer.setViewportSize({ width: 1366, height: 800 });
  const buttons = async () => {
    await officer.goto(env.server.url + 'staff/report.html?id=' + id);
    await officer.waitForSelector('body[data-ready="true"]');
    await officer.waitForSelector('#report:not([hidden])');
    return officer.locator('#action-buttons').textContent();
  };
  assert.doesNotMatch(await buttons(), /Selesaikan/);

  // The agency's admin allows it on the settings page.
  const admin = await staffPage(env.browser, env.server, 'admin.dpupr');
  await admin.setViewportSize({ width: 1366, height: 800 });
  await admin.click('#nav-agency-settings');
  await admin.waitForURL(/agency-settings\.html$/);
  await admin.waitForSelector('#settings-list[aria-busy="false"]');
  await admin.check('#officers-resolve-0');
  await admin.click('.setting-form button[type="submit"]');
  await admin.waitForSelector('#settings-notice:not([hidden])');
  assert.match(await admin.textContent('.setting-changes'), /Budi Santoso mengizinkan petugas menyelesaikan/);
  await admin.screenshot({ path: path.join(artifacts, 'staff-agency-settings.png') });

  assert.match(await buttons(), /Selesaikan/);
  await officer.getByRole('button', { name: 'Selesaikan', exact: true }).click();
  await officer.locator('.action-form #note').fill('Tiga lampu sudah diganti dan menyala kembali sejak tadi malam.');
  await officer.locator('.action-form button[type="submit"]').click();
  await officer.waitForSelector('#report-notice:not([hidden])');
  assert.match(await officer.textContent('#report-status'), /Selesai/);

  // Turned off again, the officer is not offered it on the next report.
  await admin.uncheck('#officers-resolve-0');
  await admin.click('.setting-form button[type="submit"]');
  await admin.waitForFunction(() => document.querySelectorAll('.setting-changes li').length === 2);
  assert.deepEqual(officer.errors, []);
  assert.deepEqual(admin.errors, []);
});
