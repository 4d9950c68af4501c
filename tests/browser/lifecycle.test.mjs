// A whole lifecycle through the pages: the citizen files a complaint, the coordinator
// forwards it, the agency admin assigns it, the officer responds, the admin resolves it, the
// citizen confirms and rates it; the supervisor finds the report the demo escalated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, staffAction, staffPage, useAduan } from './harness.mjs';

const env = useAduan();

async function citizenSubmits() {
  const page = await env.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#title', 'Saluran air tersumbat di depan SDN 1 Martapura');
  await page.fill('#body', 'Setiap hujan air meluap ke jalan karena saluran tersumbat sampah. Anak sekolah harus melewati genangan.');
  await page.fill('#incident_date', '2026-11-19');
  await page.selectOption('#category', 'jalan-jembatan');
  await page.fill('#location-text', 'Jl. Menteri Empat, Martapura');
  await page.fill('#reporter-email', 'warga@contoh.id');
  await page.click('#submit-button');
  await page.waitForSelector('#done-view:not([hidden])');
  const id = (await page.textContent('#tracking-id')).trim();
  const pin = (await page.textContent('#pin')).replace(/\s/g, '');
  const trackHref = await page.getAttribute('#track-link', 'href');
  await page.close();
  return { id, pin, trackHref };
}

test('a report goes from the citizen through three staff roles and back', async () => {
  const { id, pin, trackHref } = await citizenSubmits();
  assert.match(pin, /^\d{8}$/);
  assert.ok(trackHref.includes('#pin='));

  // The coordinator sees it in the queue and forwards it to the roads agency.
  const coordinator = await staffPage(env.browser, env.server, 'koordinator');
  await coordinator.waitForSelector(`#queue-list tr:has-text("${id}")`);
  await staffAction(coordinator, env.server, id, 'Verifikasi & teruskan', async (form) => {
    await form.locator('#agency').selectOption('DPUPR');
    await form.locator('#tier').selectOption('light');
  });
  assert.equal(await coordinator.textContent('#report-status'), 'Terdisposisi, belum ditindaklanjuti');
  assert.equal(await coordinator.textContent('#report-agency'), 'Dinas Pekerjaan Umum dan Penataan Ruang');

  // The agency admin assigns an officer; the officer responds.
  const admin = await staffPage(env.browser, env.server, 'admin.dpupr');
  await staffAction(admin, env.server, id, 'Tugaskan petugas', async (form) => {
    await form.locator('#officer').selectOption('petugas.dpupr');
  });
  assert.equal(await admin.textContent('#report-assigned'), 'Agus Pratama');
  const officer = await staffPage(env.browser, env.server, 'petugas.dpupr');
  await staffAction(officer, env.server, id, 'Tanggapi', async (form) => {
    await form.locator('#note').fill('Tim kebersihan saluran dijadwalkan datang besok pagi.');
  });
  assert.equal(await officer.textContent('#report-status'), 'Sedang diproses');
  // The officer is not offered the resolution: the wasm core's table says so.
  assert.equal(await officer.getByRole('button', { name: 'Selesaikan', exact: true }).count(), 0);

  // An empty final response is caught in the page before any request.
  await admin.goto(env.server.url + 'staff/report.html?id=' + id);
  await admin.waitForSelector('#report:not([hidden])');
  await admin.getByRole('button', { name: 'Selesaikan', exact: true }).click();
  await admin.locator('.action-form button[type="submit"]').click();
  assert.equal(await admin.textContent('#note-error'), 'Wajib diisi.');
  // Too short: the length in the message is the core's rule for this action.
  await admin.locator('#note').fill('Sudah.');
  await admin.locator('.action-form button[type="submit"]').click();
  assert.equal(await admin.textContent('#note-error'), 'Terlalu pendek: minimal 20 karakter.');
  await admin.locator('#note').fill('Saluran sudah dibersihkan dan diberi penutup besi agar sampah tidak masuk lagi.');
  await admin.locator('.action-form button[type="submit"]').click();
  await admin.waitForSelector('#report-notice:not([hidden])');
  assert.match(await admin.textContent('#report-status'), /Selesai ditindaklanjuti/);
  await admin.screenshot({ path: path.join(artifacts, 'staff-resolved.png'), fullPage: true });

  // The citizen follows the link with the PIN, confirms and rates.
  const citizen = await env.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await citizen.goto(env.server.url + trackHref.slice(1));
  await citizen.waitForSelector('#citizen-actions:not([hidden])');
  const timeline = await citizen.textContent('#timeline');
  assert.match(timeline, /Tindak lanjut selesai/);
  assert.doesNotMatch(timeline, /Ditugaskan/);  // internal: not shown to the citizen
  // Confirmed and rated in one step, from the card at the top.
  await citizen.locator('#next-step label[for="step-star-5"]').click();
  await citizen.locator('#step-note').fill('Cepat dan tuntas, terima kasih.');
  await citizen.getByRole('button', { name: 'Ya, sudah selesai' }).click();
  await citizen.waitForSelector('text=Nilai Anda: 5 dari 5');
  assert.equal(await citizen.textContent('#report-status'), 'Selesai');
  await citizen.getByRole('button', { name: 'Hentikan pesan tentang laporan ini' }).click();
  await citizen.waitForSelector('text=Anda tidak akan menerima pesan lagi tentang laporan ini.');
  await citizen.screenshot({ path: path.join(artifacts, 'citizen-rated.png'), fullPage: true });

  // The supervisor's queue holds the report the demo left unresolved for months.
  const supervisor = await staffPage(env.browser, env.server, 'ombudsman');
  await supervisor.waitForSelector('#queue-list tr');
  assert.match(await supervisor.textContent('#queue-list'), /Lampu penerangan jalan mati/);
  await supervisor.screenshot({ path: path.join(artifacts, 'supervisor-escalated.png'), fullPage: true });
  // The supervisor's dashboard: this report's stages and the roads agency's compliance.
  await supervisor.click('#nav-dashboard');
  await supervisor.waitForURL(/dashboard\.html/);
  await supervisor.waitForSelector('body[data-ready="true"]');
  await supervisor.waitForSelector('#dash-agencies a:text("Dinas Pekerjaan Umum dan Penataan Ruang")');
  assert.ok(await supervisor.locator('#dash-chart-status svg rect').count() > 0);
  await supervisor.screenshot({ path: path.join(artifacts, 'dashboard.png'), fullPage: true });

  for (const page of [coordinator, admin, officer, supervisor]) assert.deepEqual(page.errors, []);
});

test('the system admin keeps the holiday calendar', async () => {
  const page = await staffPage(env.browser, env.server, 'sysadmin');
  assert.match(page.url(), /holidays\.html/);
  await page.fill('#date', '2026-12-31');
  await page.fill('#name', 'Cuti bersama akhir tahun');
  await page.selectOption('#kind', 'cuti_bersama');
  await page.click('#holiday-form button[type="submit"]');
  await page.waitForSelector('td:text("Cuti bersama akhir tahun")');
  await page.getByRole('button', { name: /Hapus 31 Desember 2026/ }).click();
  await page.waitForSelector('td:text("Cuti bersama akhir tahun")', { state: 'detached' });
  // The admin's other page: messages that failed for good (none in this demo).
  await page.click('#nav-notifications');
  await page.waitForSelector('#notifications-empty:not([hidden])');
  // And the integration keys: created, shown once, revoked.
  await page.click('#nav-api-keys');
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#name', 'Dasbor kota');
  await page.click('#key-form button[type="submit"]');
  await page.waitForSelector('#new-key:not([hidden])');
  assert.match(await page.textContent('#new-key-value'), /^aduan_[0-9a-f]{48}$/);
  await page.getByRole('button', { name: 'Cabut kunci Dasbor kota' }).click();
  await page.waitForSelector('td:text("Dicabut")');
  assert.deepEqual(page.errors, []);
});
