// Canned responses in Debian's Chromium with 3,000 reports: the agency admin adds one on the
// canned-response page, then on a report forwarded to the agency inserts it into the
// response from the keyboard, edits it there and sends it; the timeline shows the edited
// text. The admin then changes the text's title and removes it (confirmed in place) from the
// keyboard. The officer reads the list without a form; another agency's admin does not see
// it; the coordinator's postponement offers the coordinators' own questions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { artifacts, staffPage, useAduan } from './harness.mjs';

const env = useAduan({ seedReports: 3000 });
const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// WCAG 2.1 AA problems axe-core finds in `selector` as it is.
async function axeViolations(page, selector) {
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate((within) => window.axe.run(within, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }), selector);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// staffPage's login in a context that lets axe-core in (the pages' policy forbids an
// injected script).
async function staffPageForAxe(username) {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(env.server.url + 'staff/');
  await page.fill('#username', username);
  await page.fill('#password', env.server.passwords[username]);
  await page.click('#login-form button[type="submit"]');
  await page.waitForURL(/\/staff\/queue\.html/);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

const kTitle = 'Penambalan jalan pekan ini';
const kText = 'Lubang jalan di lokasi yang Bapak/Ibu laporkan akan ditambal pekan ini oleh tim pemeliharaan jalan.';
const kAdded = ' Untuk sementara rambu peringatan dipasang di Jl. A. Yani.';

const untranslated = (page) => page.evaluate(() => [...document.querySelectorAll('[data-i18n]')]
  .filter((el) => el.textContent.trim() === el.dataset.i18n).map((el) => el.dataset.i18n));

test('an agency admin keeps a canned response and inserts it, edited, into a response', async () => {
  const admin = await staffPageForAxe('admin.dpupr');
  // From the staff menu (open by itself at this width).
  await admin.click('#nav-canned');
  await admin.waitForURL(/\/staff\/canned\.html$/);
  await admin.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await untranslated(admin), []);
  assert.match(await admin.textContent('#canned-owner'), /Dinas Pekerjaan Umum dan Penataan Ruang/);
  // The demo's texts are there: the agency's own and those every agency has.
  const list = admin.locator('#canned-list');
  await list.locator('h3', { hasText: 'Lubang jalan sudah ditambal' }).waitFor();
  assert.equal(await list.locator('h3', { hasText: 'Air kembali mengalir normal' }).count(), 0);
  await admin.screenshot({ path: path.join(artifacts, 'staff-canned-responses.png') });
  await admin.screenshot({ path: path.join(artifacts, 'staff-canned-responses-full.png'), fullPage: true });
  assert.deepEqual(await axeViolations(admin, 'main'), []);

  // A title the list has already is refused beside its field, nothing is added.
  const before = await list.locator('li').count();
  await admin.fill('#title', 'lubang jalan sudah ditambal');
  await admin.fill('#text', kText);
  await admin.click('#canned-save');
  await admin.waitForSelector('#title[aria-invalid="true"]');
  assert.equal(await admin.textContent('#title-error'), 'Daftar ini sudah punya jawaban dengan judul ini.');
  assert.equal(await admin.evaluate(() => document.activeElement.id), 'title');
  assert.equal(await list.locator('li').count(), before);

  await admin.fill('#title', kTitle);
  await admin.click('#canned-save');
  await list.locator('h3', { hasText: kTitle }).waitFor();
  assert.equal(await admin.textContent('#canned-notice'), `“${kTitle}” ditambahkan.`);
  assert.match(await list.locator('li', { hasText: kTitle }).textContent(), /Diubah oleh Budi Santoso/);
  assert.equal(await list.locator('li').count(), before + 1);

  // A report forwarded to the agency, not answered yet.
  const login = await fetch(env.server.url + 'api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin.dpupr', password: env.server.passwords['admin.dpupr'] }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  const forwarded = await (await fetch(env.server.url + 'api/v1/staff/reports?status=forwarded&per_page=5',
    { headers: { Cookie: cookie } })).json();
  assert.ok(forwarded.items.length > 0, 'a forwarded report of the agency');
  const id = forwarded.items[0].tracking_id;

  await admin.goto(env.server.url + 'staff/report.html?id=' + encodeURIComponent(id));
  await admin.waitForSelector('#report:not([hidden])');
  await admin.getByRole('button', { name: 'Tanggapi', exact: true }).click();
  const form = admin.locator('.action-form');
  const picker = form.getByRole('combobox', { name: 'Jawaban siap pakai' });
  await picker.waitFor();
  // From the keyboard: choose with the arrow keys, Tab to "Sisipkan", Enter.
  await picker.focus();
  const options = await picker.locator('option').allTextContents();
  const steps = options.indexOf(kTitle);
  assert.ok(steps > 0, 'the new text is offered');
  for (let i = 0; i < steps; ++i) await admin.keyboard.press('ArrowDown');
  assert.equal(await picker.evaluate((s) => s.selectedOptions[0].textContent), kTitle);
  assert.match(await form.locator('#canned-preview').textContent(), /akan ditambal pekan ini/);
  await admin.keyboard.press('Tab');
  assert.equal(await admin.evaluate(() => document.activeElement.id), 'canned-insert');
  await admin.keyboard.press('Enter');
  // The text is in the note, the cursor after it, and the change is said.
  const note = form.locator('#note');
  assert.equal(await note.inputValue(), kText);
  assert.equal(await admin.evaluate(() => document.activeElement.id), 'note');
  assert.equal(await form.locator('#canned-said').textContent(),
    `“${kTitle}” disisipkan ke catatan. Anda masih dapat mengubahnya sebelum mengirim.`);
  assert.equal(await form.locator('#canned-said').getAttribute('role'), 'status');
  await admin.screenshot({ path: path.join(artifacts, 'staff-report-canned-picker.png') });
  assert.deepEqual(await axeViolations(admin, '.action-form'), []);

  // Edited before sending: typed at the cursor, which the insertion left at the end.
  await admin.keyboard.type(kAdded);
  assert.equal(await note.inputValue(), kText + kAdded);
  await form.locator('button[type="submit"]').click();
  await admin.waitForSelector('#report-notice:not([hidden])');
  assert.equal(await admin.textContent('#report-status'), 'Sedang diproses');
  const timeline = await admin.textContent('#timeline');
  assert.ok(timeline.includes(kText + kAdded), 'the timeline shows the edited text');

  // The officer reads the list and may not change it; another agency's admin does not see it.
  const officer = await staffPage(env.browser, env.server, 'petugas.dpupr');
  await officer.goto(env.server.url + 'staff/canned.html');
  await officer.waitForSelector('body[data-ready="true"]');
  await officer.locator('#canned-list h3', { hasText: kTitle }).waitFor();
  assert.equal(await officer.isVisible('#canned-form'), false);
  assert.equal(await officer.isVisible('#canned-readonly'), true);
  assert.equal(await officer.locator('#canned-list button').count(), 0);
  const other = await staffPage(env.browser, env.server, 'admin.pdam');
  await other.goto(env.server.url + 'staff/canned.html');
  await other.waitForSelector('body[data-ready="true"]');
  await other.locator('#canned-list h3', { hasText: 'Air kembali mengalir normal' }).waitFor();
  assert.equal(await other.locator('#canned-list h3', { hasText: kTitle }).count(), 0);

  // Back on the page: the admin changes the text's title, then removes it, confirming in place.
  await admin.goto(env.server.url + 'staff/canned.html');
  await admin.waitForSelector('body[data-ready="true"]');
  await admin.getByRole('button', { name: `Ubah “${kTitle}”` }).click();
  assert.equal(await admin.evaluate(() => document.activeElement.id), 'title');
  assert.equal(await admin.inputValue('#title'), kTitle);
  assert.equal(await admin.textContent('#canned-form-heading'), 'Ubah jawaban');
  await admin.fill('#title', kTitle + ' (Jl. A. Yani)');
  // Meanwhile the same text is changed from another session (as a second admin of the agency
  // would): the page's change is refused
  // rather than written over it, the newest shows in the list, and what was typed stays.
  const listing = await (await fetch(env.server.url + 'api/v1/staff/canned-responses', { headers: { Cookie: cookie } })).json();
  const mine = listing.items.find((i) => i.title === kTitle);
  const meanwhile = await fetch(`${env.server.url}api/v1/staff/canned-responses/${mine.id}`, {
    method: 'PUT', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: kTitle, text: kText + ' Diubah admin lain.', version: mine.version }),
  });
  assert.equal(meanwhile.status, 200);
  await admin.click('#canned-save');
  await admin.waitForSelector('#canned-error:not(:empty)');
  assert.match(await admin.textContent('#canned-error'), /baru saja diubah orang lain/);
  await list.locator('p', { hasText: 'Diubah admin lain.' }).waitFor();
  assert.equal(await admin.inputValue('#title'), kTitle + ' (Jl. A. Yani)');
  // Saved again on purpose: it replaces the newest.
  await admin.click('#canned-save');
  await list.locator('h3', { hasText: kTitle + ' (Jl. A. Yani)' }).waitFor();
  assert.equal(await admin.textContent('#canned-notice'), `Perubahan “${kTitle} (Jl. A. Yani)” disimpan.`);
  assert.equal(await admin.textContent('#canned-form-heading'), 'Tambah jawaban');
  const count = await list.locator('li').count();
  await admin.getByRole('button', { name: `Hapus “${kTitle} (Jl. A. Yani)”` }).click();
  // Nothing is removed until the choice is confirmed; "Jangan" keeps it.
  await admin.getByRole('button', { name: 'Jangan' }).click();
  assert.equal(await list.locator('li').count(), count);
  await admin.getByRole('button', { name: `Hapus “${kTitle} (Jl. A. Yani)”` }).click();
  assert.equal(await admin.evaluate(() => document.activeElement.textContent), 'Ya, hapus');
  await admin.keyboard.press('Enter');
  await admin.waitForFunction((n) => document.querySelectorAll('#canned-list li').length === n - 1, count);
  assert.equal(await admin.textContent('#canned-notice'), `“${kTitle} (Jl. A. Yani)” dihapus.`);
  assert.equal(await admin.evaluate(() => document.activeElement.id), 'canned-list-heading');

  // The coordinator's postponement offers the coordinators' own questions, not the agency's.
  const coordinator = await staffPage(env.browser, env.server, 'koordinator');
  await coordinator.setViewportSize({ width: 1366, height: 800 });
  await coordinator.goto(env.server.url + 'staff/queue.html?status=submitted');
  await coordinator.waitForSelector('#queue-list[aria-busy="false"]');
  const submitted = (await coordinator.locator('#queue-list .queue-item .mono').first().textContent()).trim();
  await coordinator.goto(env.server.url + 'staff/report.html?id=' + encodeURIComponent(submitted));
  await coordinator.waitForSelector('#report:not([hidden])');
  await coordinator.getByRole('button', { name: 'Tunda, tanya pelapor', exact: true }).click();
  const question = coordinator.locator('.action-form');
  assert.equal(await coordinator.evaluate(() => document.activeElement.id), 'note', 'the form starts at its note');
  const offered = await question.locator('#canned-pick option').allTextContents();
  assert.ok(offered.includes('Mohon lengkapi lokasi'), offered.join(', '));
  assert.ok(!offered.includes(kTitle) && !offered.includes('Lubang jalan sudah ditambal'), offered.join(', '));
  await question.locator('#canned-pick').selectOption({ label: 'Mohon lengkapi lokasi' });
  await coordinator.fill('#note', 'Lokasi di laporan kurang jelas.');
  await question.locator('#canned-insert').click();
  // After what was typed, as a paragraph of its own.
  assert.match(await coordinator.inputValue('#note'), /^Lokasi di laporan kurang jelas\.\n\nTerima kasih atas laporan Bapak\/Ibu\. Agar dapat/);
  await coordinator.screenshot({ path: path.join(artifacts, 'staff-report-canned-postpone.png') });

  // The page in English.
  await other.click('#lang-switch');
  assert.equal(await other.textContent('h1'), 'Canned responses');
  assert.match(await other.textContent('#canned-count'), /of at most 100 responses/);
  await other.setViewportSize({ width: 1366, height: 800 });
  await other.screenshot({ path: path.join(artifacts, 'staff-canned-responses-en.png') });
  await other.click('#lang-switch');

  for (const page of [admin, officer, other, coordinator]) {
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
