// The administration in Debian's Chromium with 3,000 reports: the system admin creates a
// staff account with an activation link in the panel; the new officer opens the link,
// chooses a password, logs in and sees their queue; disabled, their open page is logged out.
// A second account gets a temporary password: its first login shows the change form before
// anything else, then the queue.
// The admin's agencies page shows the tree and records a new agency in its history, and
// links an agency to its own Open311 system without ever showing the key back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, fileReport, staffApi, staffPage, useAduan } from './harness.mjs';

const env = useAduan({ seedReports: 3000 });

const untranslated = (page) => page.evaluate(() => [...document.querySelectorAll('[data-i18n]')]
  .filter((el) => el.textContent.trim() === el.dataset.i18n).map((el) => el.dataset.i18n));

async function freshPage() {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

async function openAccounts(admin) {
  await admin.click('#nav-accounts');
  await admin.waitForURL(/\/staff\/accounts\.html$/);
  await admin.waitForSelector('body[data-ready="true"]');
  await admin.waitForSelector('#account-list[aria-busy="false"]');
}

async function createAccount(admin, username, name, credential) {
  await admin.fill('#username', username);
  await admin.fill('#display_name', name);
  await admin.selectOption('#role', 'agency_officer');
  await admin.selectOption('#agency', 'DLH');
  await admin.check(`input[name="credential"][value="${credential}"]`);
  await admin.click('#account-form button[type="submit"]');
  await admin.waitForSelector(`#account-list tr[data-username="${username}"]`);
  await admin.waitForSelector('#issued:not([hidden])');
  return (await admin.textContent('#issued-value')).trim();
}

async function seesQueue(page) {
  await page.waitForURL(/\/staff\/queue\.html/);
  // A new officer has no report assigned yet: the list is there, loaded and empty.
  await page.waitForSelector('#queue-list[aria-busy="false"]', { state: 'attached' });
  assert.equal(await page.locator('#queue-list li').count(), 0);
}

test('a new officer activates the account from the link and sees the queue', async () => {
  const admin = await staffPage(env.browser, env.server, 'sysadmin');
  await admin.setViewportSize({ width: 1366, height: 800 });
  await openAccounts(admin);
  assert.deepEqual(await untranslated(admin), []);

  // An agency role without an agency is refused beside the field; nothing is created.
  await admin.fill('#username', 'rina.dlh');
  await admin.fill('#display_name', 'Rina Handayani');
  await admin.selectOption('#role', 'agency_officer');
  await admin.click('#account-form button[type="submit"]');
  await admin.waitForSelector('#agency[aria-invalid="true"]');
  assert.equal(await admin.textContent('#agency-error'), 'Peran instansi harus memilih instansi.');
  assert.equal(await admin.locator('#account-list tr[data-username="rina.dlh"]').count(), 0);

  const link = await createAccount(admin, 'rina.dlh', 'Rina Handayani', 'activation_link');
  assert.match(link, /\/staff\/activate\.html\?token=[0-9a-f]{64}$/);
  const row = admin.locator('#account-list tr[data-username="rina.dlh"]');
  assert.match(await row.textContent(), /Menunggu aktivasi/);
  assert.match(await admin.textContent('#history'), /akun dibuat: rina\.dlh/);
  await admin.screenshot({ path: path.join(artifacts, 'staff-accounts.png') });
  await admin.screenshot({ path: path.join(artifacts, 'staff-accounts-full.png'), fullPage: true });

  const officer = await freshPage();
  await officer.goto(link);
  await officer.waitForSelector('body[data-ready="true"]');
  await officer.fill('#password', 'sampah-menumpuk-2026');
  await officer.fill('#confirm', 'sampah-menumpuk-2026');
  await officer.screenshot({ path: path.join(artifacts, 'staff-activate.png') });
  await officer.click('#activate-form button[type="submit"]');
  await officer.waitForSelector('#activated:not([hidden])');
  await officer.click('#activated a');
  await officer.waitForURL(/\/staff\/(index\.html)?$/);
  await officer.waitForSelector('body[data-ready="true"]');
  await officer.fill('#username', 'rina.dlh');
  await officer.fill('#password', 'sampah-menumpuk-2026');
  await officer.click('#login-form button[type="submit"]');
  await seesQueue(officer);
  assert.match(await officer.textContent('#staff-user'), /Rina Handayani/);
  assert.deepEqual(officer.errors, []);

  // The link works once.
  const again = await freshPage();
  await again.goto(link);
  await again.waitForSelector('body[data-ready="true"]');
  await again.fill('#password', 'another-password-1');
  await again.fill('#confirm', 'another-password-1');
  await again.click('#activate-form button[type="submit"]');
  await again.waitForFunction(() => document.getElementById('activate-error').textContent !== '');
  assert.match(await again.textContent('#activate-error'), /sudah dipakai/);

  // The admin sees the login.
  await admin.reload();
  await admin.waitForSelector('#account-list[aria-busy="false"]');
  assert.match(await admin.locator('#account-list tr[data-username="rina.dlh"]').textContent(), /Aktif/);

  // Disabled (after the admin confirms): the officer's open page is logged out at its next
  // request.
  admin.once('dialog', (dialog) => dialog.accept());
  await admin.getByRole('button', { name: 'Nonaktifkan akun rina.dlh' }).click();
  // Its state reads "Nonaktif" and its button now enables it again.
  await admin.getByRole('button', { name: 'Aktifkan lagi akun rina.dlh' }).waitFor();
  assert.match(await admin.locator('#account-list tr[data-username="rina.dlh"] td').nth(4).textContent(), /^Nonaktif$/);
  await admin.waitForFunction(() => /akun dinonaktifkan: rina\.dlh/.test(document.getElementById('history').textContent));
  await officer.reload();
  await officer.waitForURL(/\/staff\/\?next=/);
  assert.deepEqual(admin.errors, []);
});

test('a temporary password is changed at the first login, before the queue', async () => {
  const admin = await staffPage(env.browser, env.server, 'sysadmin');
  await openAccounts(admin);
  const temporary = await createAccount(admin, 'sari.dlh', 'Sari Lestari', 'temporary_password');
  assert.match(temporary, /^[a-z2-9]{14}$/);

  const officer = await freshPage();
  await officer.goto(env.server.url + 'staff/');
  await officer.fill('#username', 'sari.dlh');
  await officer.fill('#password', temporary);
  await officer.click('#login-form button[type="submit"]');
  await officer.waitForSelector('#change-form:not([hidden])');
  assert.equal(await officer.isHidden('#login-form'), true);
  // Going elsewhere leads back to the form.
  await officer.goto(env.server.url + 'staff/queue.html');
  await officer.waitForSelector('#change-form:not([hidden])');
  await officer.fill('#current_password', temporary);
  await officer.fill('#new-password', 'pendek');
  await officer.fill('#confirm-password', 'pendek');
  await officer.click('#change-form button[type="submit"]');
  await officer.waitForFunction(() => document.getElementById('new-password-error').textContent !== '');
  assert.equal(await officer.textContent('#new-password-error'), 'Kata sandi minimal 10 karakter.');
  await officer.screenshot({ path: path.join(artifacts, 'staff-change-password.png') });
  await officer.fill('#new-password', 'lestari-dlh-2026');
  await officer.fill('#confirm-password', 'lestari-dlh-2026');
  await officer.click('#change-form button[type="submit"]');
  await seesQueue(officer);
  assert.deepEqual(officer.errors, []);
});

test('an account is changed from its row: a new name and role, kept in the history', async () => {
  const admin = await staffPage(env.browser, env.server, 'sysadmin');
  await admin.setViewportSize({ width: 1366, height: 800 });
  await openAccounts(admin);
  await createAccount(admin, 'dedi.dlh', 'Dedi Kurniawan', 'activation_link');

  await admin.getByRole('button', { name: 'Ubah nama, e-mail, peran, atau instansi dedi.dlh' }).click();
  // The form holds the account: its username cannot change, the way in is not asked.
  assert.equal(await admin.inputValue('#display_name'), 'Dedi Kurniawan');
  assert.equal(await admin.getAttribute('#username', 'readonly'), '');
  assert.equal(await admin.isVisible('#credential-field'), false);
  assert.equal(await admin.textContent('#account-form button[type="submit"]'), 'Simpan perubahan');
  await admin.screenshot({ path: path.join(artifacts, 'staff-account-edit.png') });

  // An empty name is refused beside the field.
  await admin.fill('#display_name', '');
  await admin.click('#account-form button[type="submit"]');
  await admin.waitForSelector('#display_name[aria-invalid="true"]');

  await admin.fill('#display_name', 'Dedi Kurniawan, S.T.');
  await admin.selectOption('#role', 'agency_admin');
  await admin.click('#account-form button[type="submit"]');
  await admin.waitForFunction(() => /dedi\.dlh/.test(document.getElementById('account-saved').textContent));
  const row = admin.locator('#account-list tr[data-username="dedi.dlh"]');
  await admin.waitForFunction(() => /Kurniawan, S\.T\./.test(document.querySelector('#account-list tr[data-username="dedi.dlh"]')?.textContent ?? ''));
  assert.match(await row.textContent(), /Admin instansi/i);
  // Back to creating: the submit button reads so again, the username is free.
  assert.equal(await admin.textContent('#account-form button[type="submit"]'), 'Buat akun');
  assert.equal(await admin.getAttribute('#username', 'readonly'), null);
  await admin.waitForFunction(() => /akun diubah: dedi\.dlh/.test(document.getElementById('history').textContent));
  assert.deepEqual(admin.errors, []);
});

test('the agencies page shows the tree and records a new unit', async () => {
  const admin = await staffPage(env.browser, env.server, 'sysadmin');
  await admin.setViewportSize({ width: 1366, height: 800 });
  await admin.click('#nav-agencies');
  await admin.waitForURL(/\/staff\/agencies\.html$/);
  await admin.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await untranslated(admin), []);
  await admin.fill('#agency-code', 'uptd-sampah');
  await admin.fill('#agency-name', 'UPTD Persampahan');
  await admin.selectOption('#agency-parent', 'DLH');
  await admin.click('#agency-form button[type="submit"]');
  await admin.waitForSelector('#agency-list tr[data-code="UPTD-SAMPAH"]');
  assert.match(await admin.locator('#agency-list tr[data-code="UPTD-SAMPAH"]').textContent(), /Dinas Lingkungan Hidup/);
  await admin.waitForFunction(() => /instansi ditambahkan: UPTD-SAMPAH/.test(document.getElementById('history').textContent));
  // Under its own unit: refused beside the field.
  await admin.selectOption('#agency-target', 'DLH');
  await admin.selectOption('#agency-parent', 'UPTD-SAMPAH');
  await admin.click('#agency-form button[type="submit"]');
  await admin.waitForFunction(() => document.getElementById('agency-parent-error').textContent !== '');
  assert.match(await admin.textContent('#agency-parent-error'), /di bawah dirinya sendiri/);
  await admin.screenshot({ path: path.join(artifacts, 'staff-agencies.png') });
  await admin.screenshot({ path: path.join(artifacts, 'staff-agencies-full.png'), fullPage: true });
  assert.deepEqual(admin.errors, []);
});

test('the system admin links an agency to its own Open311 system, and the key is never shown', async () => {
  // The other system here is this very server: its Open311 endpoint and a key made for it.
  const api = await staffApi(env.server, 'sysadmin');
  const made = await fetch(env.server.url + 'api/v1/admin/api-keys', {
    method: 'POST', headers: api.headers, body: JSON.stringify({ name: 'Sistem PDAM', scopes: ['open311'] }),
  });
  assert.equal(made.status, 201);
  const { key } = await made.json();

  const admin = await staffPage(env.browser, env.server, 'sysadmin');
  await admin.setViewportSize({ width: 1366, height: 800 });
  await admin.goto(env.server.url + 'staff/agencies.html');
  await admin.waitForSelector('body[data-ready="true"]');
  await admin.waitForSelector('#external-list[aria-busy="false"]');
  assert.match(await admin.textContent('#external-list'), /Belum ada instansi/);
  assert.deepEqual(await untranslated(admin), []);

  await admin.selectOption('#external-agency', 'PDAM');
  // An address with a password in it is refused beside its field; so is a missing key.
  await admin.fill('#external-endpoint', 'https://pdam:rahasia@pdam.contoh.go.id/open311/v2');
  await admin.click('#external-form button[type="submit"]');
  await admin.waitForFunction(() => document.getElementById('external-endpoint-error').textContent !== '');
  assert.match(await admin.textContent('#external-endpoint-error'), /tanpa nama pengguna/);
  assert.match(await admin.textContent('#external-api_key-error'), /Wajib/);

  await admin.fill('#external-endpoint', env.server.url + 'open311/v2');
  await admin.fill('#external-api_key', key);
  await admin.fill('[id="external-service_codes.air-bersih"]', 'air-bersih');
  // aduan keeps a request private when asked: confidential reports may go there.
  await admin.check('#external-form input[name="keeps_private"]');
  await admin.click('#external-form button[type="submit"]');
  await admin.waitForSelector('#external-list tr[data-code="PDAM"]');
  const row = await admin.textContent('#external-list tr[data-code="PDAM"]');
  assert.match(row, /Perumda Air Minum/);
  assert.match(row, /Air Bersih → air-bersih/);
  assert.match(row, /Belum pernah/);
  // Saved: the key field is empty again and the key is nowhere on the page.
  assert.equal(await admin.inputValue('#external-api_key'), '');
  assert.ok(!(await admin.content()).includes(key));
  await admin.waitForFunction(() => /instansi dihubungkan ke sistem lain: PDAM/.test(document.getElementById('history').textContent));
  await admin.screenshot({ path: path.join(artifacts, 'staff-agencies-external.png'), fullPage: true });
  await admin.locator('#external-form').screenshot({ path: path.join(artifacts, 'staff-agencies-external-form.png') });

  // A water report forwarded to PDAM now goes to its system (here this same server); the
  // coordinator's page says where it is: its number there, once the outbox has sent it.
  const id = await fileReport(env.server, {
    location: { text: 'Jl. Sukaramai, Martapura' }, reporter: { name: 'Rahmat Hidayat', phone: '081234567891' },
    category: 'air-bersih', agency: 'PDAM',
    title: 'Air PDAM mati tiga hari', body: 'Air tidak mengalir sama sekali sejak Senin pagi di seluruh gang kami.',
  });
  await (await staffApi(env.server, 'koordinator')).act(id, { action: 'forward', agency: 'PDAM' });
  const coordinator = await staffPage(env.browser, env.server, 'koordinator');
  await coordinator.setViewportSize({ width: 1366, height: 800 });
  await coordinator.goto(env.server.url + 'staff/report.html?id=' + id);
  await coordinator.waitForSelector('#report:not([hidden])');
  await coordinator.waitForSelector('#external-row:not([hidden])');
  for (let i = 0; i < 20 && !/Nomor/.test(await coordinator.textContent('#report-external')); i++) {
    await coordinator.waitForTimeout(500);
    await coordinator.reload();
    await coordinator.waitForSelector('#report:not([hidden])');
  }
  assert.match(await coordinator.textContent('#report-external'), /Nomor \S+, dikirim .* belum ada kabar/);
  await coordinator.screenshot({ path: path.join(artifacts, 'staff-report-external.png') });
  assert.deepEqual(coordinator.errors, []);

  // Unlinked after a confirmation: the list is empty again.
  admin.once('dialog', (d) => d.accept());
  await admin.click('#external-remove');
  await admin.waitForFunction(() => /Belum ada instansi/.test(document.getElementById('external-list').textContent));
  assert.deepEqual(admin.errors, []);
});
