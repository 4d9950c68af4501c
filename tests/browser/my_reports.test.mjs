// "My reports on any phone" in Debian's Chromium: two browser contexts are two phones with
// their own storage. Phone A files a report through the form and links it to an email with a
// code that a real SMTP server receives; phone B signs in with the same email and a new code,
// sees the report and answers the staff's question without the PIN; then phone B signs every
// phone out, and phone A finds itself signed out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, launchBrowser, staffApi, startAduan } from './harness.mjs';

const kMail = 'warga.dua.hp@contoh.id';
const env = {};

before(async () => {
  env.dir = mkdtempSync(path.join(tmpdir(), 'aduan-my-reports-'));
  const portFile = path.join(env.dir, 'smtp.port');
  env.smtpLog = path.join(env.dir, 'smtp.jsonl');
  const sink = new URL('../tools/smtp_sink.py', import.meta.url).pathname;
  env.smtp = spawn('/usr/bin/python3', [sink, '--log', env.smtpLog, '--port-file', portFile], { stdio: 'ignore' });
  for (let i = 0; i < 200 && !existsSync(portFile); ++i) await new Promise((r) => setTimeout(r, 50));
  const port = readFileSync(portFile, 'utf8').trim();
  const notify = path.join(env.dir, 'notify.json');
  writeFileSync(notify, JSON.stringify({
    public_url: 'http://127.0.0.1',
    smtp: { url: `smtp://127.0.0.1:${port}`, from: 'aduan@pemda.example', timeout_seconds: 2 },
  }));
  env.server = await startAduan(path.join(env.dir, 'aduan.db'), { serveArgs: ['--notify-config', notify] });
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  env.smtp?.kill('SIGTERM');
  rmSync(env.dir, { recursive: true, force: true });
});

// The newest sign-in code mailed to `to` after `count` codes had already come.
async function nextCode(to, count) {
  for (let i = 0; i < 100; ++i) {
    const codes = existsSync(env.smtpLog) ? readFileSync(env.smtpLog, 'utf8').split('\n').filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((m) => m.to.includes(to) && m.event === 'link_code')
      .map((m) => m.body.match(/(\d{6})/)[1]) : [];
    if (codes.length > count) return codes.at(-1);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no code reached ' + to);
}

async function phone() {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

async function openMine(page) {
  await page.goto(env.server.url + 'my.html');
  await page.waitForSelector('body[data-ready="true"]');
}

async function signIn(page, contact, codesBefore) {
  await page.getByLabel('Nomor HP atau email').fill(contact);
  await page.getByRole('button', { name: 'Kirim kode' }).click();
  await page.waitForSelector('#link-code-form:not([hidden])');
  assert.match(await page.textContent('#link-code-sent'), /w\*\*\*@contoh\.id/);
  const code = await nextCode(kMail, codesBefore);
  return code;
}

const shot = (page, name) => page.screenshot({ path: path.join(artifacts, name), fullPage: true });

test('a report filed and linked on phone A is seen and answered on phone B', async () => {
  // Phone A files a complaint through the form.
  const a = await phone();
  await a.goto(env.server.url);
  await a.waitForSelector('body[data-ready="true"]');
  await a.fill('#title', 'Lampu jalan mati di Jl. Sukamaju RT 03');
  await a.fill('#body', 'Sudah dua minggu lampu jalan di depan musala padam, jalan gelap dan rawan pada malam hari.');
  await a.fill('#incident_date', '2026-11-20');
  await a.selectOption('#category', 'jalan-jembatan');
  await a.fill('#location-text', 'Jl. Sukamaju RT 03, Martapura');
  await a.fill('#reporter-phone', '0812 3456 7890');
  await a.click('#submit-button');
  await a.waitForSelector('#done-view:not([hidden])');
  const id = (await a.textContent('#tracking-id')).trim();

  // An anonymous report of phone A too (sent through the API, kept in the phone's list).
  await openMine(a);
  const anonymous = await a.evaluate(async () => {
    const res = await fetch('/api/v1/reports', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ classification: 'complaint', title: 'Pungutan liar di loket kelurahan',
        body: 'Petugas loket meminta uang tambahan untuk surat pengantar yang seharusnya gratis.',
        incident_date: '2026-11-19', location: { text: 'Kantor Kelurahan Sukamaju' }, category: 'jalan-jembatan',
        reporter: { email: 'saksi@contoh.id' }, anonymous: true, confidential: true }),
    });
    const r = await res.json();
    const mine = JSON.parse(localStorage.getItem('aduan.mine') ?? '[]');
    localStorage.setItem('aduan.mine', JSON.stringify([{ tracking_id: r.tracking_id, pin: r.pin,
      title: 'Pungutan liar di loket kelurahan', sent_at: r.created_at }, ...mine]));
    return r.tracking_id;
  });
  await openMine(a);
  assert.equal(await a.locator('#mine-list li').count(), 2);
  assert.equal(await a.isVisible('#link-contact-form'), true);
  await shot(a, 'my-signed-out.png');

  // The core checks the contact before any request.
  await a.getByLabel('Nomor HP atau email').fill('warga@');
  await a.getByRole('button', { name: 'Kirim kode' }).click();
  assert.match(await a.textContent('#link-contact-error'), /email tidak valid/);
  await shot(a, 'my-contact-error.png');

  const codeA = await signIn(a, 'Warga.Dua.HP@contoh.id', 0);
  await shot(a, 'my-code-sent.png');
  await a.getByLabel('Kode 6 angka').fill(codeA === '000000' ? '111111' : '000000');
  await a.getByRole('button', { name: 'Masuk' }).click();
  await a.locator('#link-code-error', { hasText: 'Kode salah' }).waitFor();
  await a.getByLabel('Kode 6 angka').fill(codeA);
  await a.getByRole('button', { name: 'Masuk' }).click();
  await a.waitForSelector('#link-in:not([hidden])');
  // The report with its reporter shown is linked at once; the anonymous one waits for a tap.
  const filed = a.locator('#mine-list li', { hasText: id });
  await filed.locator('.link-chip', { hasText: 'Tertaut' }).waitFor();
  const anon = a.locator('#mine-list li', { hasText: anonymous });
  await anon.getByRole('button', { name: `Ya, tautkan laporan anonim ${anonymous}` }).waitFor();
  assert.equal(await anon.locator('.link-chip').count(), 0);
  assert.match(await a.textContent('#link-who'), /w\*\*\*@contoh\.id/);
  await shot(a, 'my-linked-phone-a.png');

  // Staff ask the reporter a question.
  const coordinator = await staffApi(env.server, 'koordinator');
  await coordinator.act(id, { action: 'postpone', note: 'Mohon sebutkan nomor tiang lampu.' });

  // Phone B: nothing of phone A's storage, then the same email and a new code.
  const b = await phone();
  await openMine(b);
  assert.equal(await b.locator('#mine-list li').count(), 0);
  const codeB = await signIn(b, kMail, 1);
  await b.getByLabel('Kode 6 angka').fill(codeB);
  await b.getByRole('button', { name: 'Masuk' }).click();
  const there = b.locator('#elsewhere-list li', { hasText: id });
  await there.waitFor();
  assert.equal(await b.locator('#elsewhere-list li', { hasText: anonymous }).count(), 0);
  await shot(b, 'my-phone-b-linked.png');

  // Phone B opens it without a PIN and answers the question.
  await there.getByRole('link').click();
  await b.waitForSelector('#citizen-actions:not([hidden])');
  assert.equal(await b.isVisible('#pin-form'), false);
  await b.getByRole('button', { name: /Jawab pertanyaan/ }).click();
  // The question is answered in the card at the top (public/js/next_step.js).
  await b.fill('#answer-note', 'Tiang nomor 17, di depan musala Al-Ikhlas.');
  await b.locator('#next-step .action-form button[type="submit"]').click();
  await b.waitForSelector('#next-step-done:not([hidden])');
  await shot(b, 'my-phone-b-answered.png');
  const seen = await coordinator.get(id);
  assert.equal(seen.status, 'submitted');
  assert.ok(seen.timeline.some((e) => (e.note ?? '').includes('Tiang nomor 17')));

  // Phone B signs every phone out; phone A finds itself signed out, its own list intact.
  await openMine(b);
  await b.getByRole('button', { name: /Keluar dari semua HP/ }).click();
  await b.waitForSelector('#link-out:not([hidden])');
  assert.equal(await b.locator('#elsewhere-list li').count(), 0);
  await openMine(a);
  await a.waitForSelector('#link-contact-form:not([hidden])');
  assert.equal(await a.locator('#mine-list li').count(), 2);
  assert.equal(await a.locator('.link-chip').count(), 0);
  await shot(a, 'my-signed-out-elsewhere.png');

  // English too.
  await a.click('#lang-switch');
  assert.match(await a.textContent('#link-heading'), /Open your reports on another phone/);
  await shot(a, 'my-signed-out-en.png');
  assert.deepEqual([...a.errors, ...b.errors], []);
});
