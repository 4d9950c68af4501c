// Privacy in Debian's Chromium: the form asks up front who may read the report and who may
// know the reporter; a stranger with the tracking ID, and the transparency page, show a
// verified report without the citizen's own words, the place they wrote or the notes meant
// for them; the agency publishes an answer only deliberately.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { artifacts, staffApi, staffPage, useAduan } from './harness.mjs';

const env = useAduan();

const kReply = 'Nomor pelanggan saya 4455667788, rumah di Gang Mawar 5.';
const kForReporter = 'Kami akan menelepon Ibu di nomor yang Ibu tulis.';
const kPublished = 'Penambalan dijadwalkan Kamis ini oleh UPT Jalan.';

async function post(pathname, body) {
  const res = await fetch(env.server.url + pathname, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

test('the form asks up front who may read the report and who may know the reporter', async () => {
  const page = await env.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');

  // Before the citizen writes anything, and private unless they choose otherwise.
  const top = async (selector) => (await page.locator(selector).boundingBox()).y;
  assert.ok(await top('fieldset[data-field="confidential"]') < await top('#title'));
  assert.ok(await top('fieldset[data-field="anonymous"]') < await top('#title'));
  assert.equal(await page.isChecked('input[name="visibility"][value="confidential"]'), true);
  assert.equal(await page.isChecked('input[name="identity"][value="shown"]'), true);
  // Each choice says what others will see, and is read out with it.
  const publicChoice = page.getByRole('radio', { name: /Semua orang, setelah diverifikasi/ });
  assert.match(await page.textContent('#visibility-public-hint'), /balasan Anda tidak pernah tampil/);
  assert.equal(await publicChoice.getAttribute('aria-describedby'), 'visibility-public-hint');
  await page.locator('fieldset[data-field="confidential"]').screenshot({ path: path.join(artifacts, 'submit-privacy-content.png') });

  // Chosen with the keyboard: public content, identity hidden from the agency.
  await page.focus('input[name="visibility"][value="confidential"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await publicChoice.isChecked(), true);
  await page.getByRole('radio', { name: /Hanya koordinator \(anonim bagi instansi\)/ }).check();
  await page.screenshot({ path: path.join(artifacts, 'submit-privacy-choice.png'), fullPage: false });

  await page.fill('#title', 'Pungutan liar di loket KTP kecamatan');
  await page.fill('#body', 'Petugas loket meminta uang tambahan lima puluh ribu rupiah untuk mempercepat KTP.');
  await page.fill('#incident_date', '2026-11-20');
  await page.selectOption('#category', 'adminduk');
  await page.fill('#location-text', 'Kantor Kecamatan Martapura');
  await page.fill('#reporter-phone', '0812 3456 7890');
  await page.click('#submit-button');
  await page.waitForSelector('#done-view:not([hidden])');
  const id = (await page.textContent('#tracking-id')).trim();
  const pin = (await page.textContent('#pin')).replace(/\D/g, '');
  const own = await post(`api/v1/reports/${id}/access`, { pin });
  assert.equal(own.status, 200);
  assert.equal(own.body.anonymous, true);
  assert.equal(own.body.confidential, false);
  assert.deepEqual(errors, []);
});

test('a stranger sees a verified report without the citizen\'s words', async () => {
  const filed = await post('api/v1/reports', {
    classification: 'complaint', title: 'Jalan berlubang di depan SD Negeri 2 Martapura',
    body: 'Lubang besar di tengah jalan depan sekolah, anak-anak harus berjalan ke tengah jalan.',
    incident_date: '2026-11-20', category: 'jalan-jembatan',
    location: { text: 'Depan rumah saya, Jl. Melati 12', lat: -3.441234, lon: 114.836789, region_code: '63.03' },
    reporter: { name: 'Siti Aminah', phone: '081234567890' }, anonymous: false, confidential: false,
  });
  assert.equal(filed.status, 201);
  const { tracking_id: id, pin } = filed.body;
  await (await staffApi(env.server, 'koordinator')).act(id, { action: 'forward', agency: 'DPUPR' });
  const access = await post(`api/v1/reports/${id}/access`, { pin });
  const replied = await post(`api/v1/reports/${id}/actions`, { pin, action: 'reply', note: kReply, version: access.body.version });
  assert.equal(replied.status, 200);
  const dpupr = await staffApi(env.server, 'admin.dpupr');
  await dpupr.act(id, { action: 'respond', note: kForReporter });
  await dpupr.act(id, { action: 'update', note: kPublished, public: true, publish: true });

  const page = await env.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url + 'track.html?id=' + id);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#report:not([hidden])');
  const shown = await page.textContent('#report');
  assert.match(shown, /Jalan berlubang di depan SD Negeri 2/);
  assert.match(shown, /Balasan pelapor/);  // the action is there...
  assert.doesNotMatch(shown, /4455667788|Gang Mawar/);  // ...its words are not
  assert.doesNotMatch(shown, /menelepon/);  // a note meant for the reporter
  assert.doesNotMatch(shown, /Melati|Siti|0812/);  // the place as written, the reporter
  assert.match(shown, new RegExp(kPublished));
  await page.screenshot({ path: path.join(artifacts, 'track-stranger.png'), fullPage: true });

  await page.goto(env.server.url + 'transparency.html');
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#q', 'SD Negeri 2');
  await page.click('#search-form button[type="submit"]');
  await page.waitForSelector('#public-list li a:text("Jalan berlubang di depan SD Negeri 2 Martapura")');
  assert.doesNotMatch(await page.textContent('#public-list'), /Melati|4455667788|Siti/);
  await page.screenshot({ path: path.join(artifacts, 'transparency-stranger.png'), fullPage: true });
  assert.deepEqual(errors, []);

  // The agency writes for the public only on purpose: both boxes start unticked.
  const staff = await staffPage(env.browser, env.server, 'admin.dpupr');
  await staff.setViewportSize({ width: 1366, height: 900 });
  await staff.goto(env.server.url + 'staff/report.html?id=' + id);
  await staff.waitForSelector('body[data-ready="true"]');
  await staff.getByRole('button', { name: 'Tulis perkembangan' }).click();
  const form = staff.locator('.action-form');
  assert.equal(await form.locator('input[name="public"]').isChecked(), false);
  assert.equal(await form.locator('input[name="publish"]').isChecked(), false);
  assert.match(await form.textContent(), /Terbitkan untuk umum/);
  assert.match(await staff.textContent('#timeline'), /terbit untuk umum/);
  // The core offers the agency a way to hide more, never less.
  await staff.getByRole('button', { name: 'Jadikan lebih tertutup' }).click();
  assert.equal(await staff.locator('.action-form input[name="confidential"]').isDisabled(), false);
  await staff.screenshot({ path: path.join(artifacts, 'staff-update-publish.png'), fullPage: true });
  assert.deepEqual(staff.errors, []);
});

// A form typed into before its page's script has run must not go out as a plain GET: the
// staff password (or a reporter's PIN) would be written into the address, the history and
// the server's request line. Every submit button starts disabled until the script is there.
test('a form sent before its script has run puts nothing in the address', async () => {
  const root = path.resolve(import.meta.dirname, '../../public');
  for (const dir of [root, path.join(root, 'staff')]) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const button of html.match(/<button\b[^>]*type="submit"[^>]*>/g) ?? []) {
        assert.match(button, /\bdisabled data-until-ready\b/, `${file}: ${button}`);
      }
    }
  }

  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  // The slowest phone: the login page's script never arrives.
  await page.route('**/js/staff/login.js', (route) => route.abort());
  await page.goto(env.server.url + 'staff/');
  await page.fill('#username', 'admin.dpupr');
  await page.fill('#password', 'rahasia-sekali-2026');
  await page.press('#password', 'Enter');
  assert.equal(await page.isDisabled('#login-form button[type="submit"]'), true);
  await page.waitForTimeout(500);
  assert.doesNotMatch(page.url(), /password|rahasia/);
  assert.equal(new URL(page.url()).pathname, '/staff/');
  await context.close();

  // With the script, the same button works.
  const staff = await staffPage(env.browser, env.server, 'admin.dpupr');
  assert.match(staff.url(), /\/staff\/queue\.html/);
  assert.doesNotMatch(staff.url(), /password/);
  await staff.context().close();
});
