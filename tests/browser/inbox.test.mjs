// The staff inbox in Debian's Chromium, on a store with 3,000 seeded reports: the agency
// admin assigns a report to the officer with instructions through the panel; the officer
// logs in, sees the count in the header and the item with the instructions in the inbox,
// opens it, and the item is read; the assignment's e-mail reaches a real SMTP server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, fileReport, launchBrowser, staffAction, staffApi, staffPage, startAduan } from './harness.mjs';

const kInstructions = 'Cek lokasi besok pagi bersama UPT jalan dan foto lubangnya.';
const env = {};

before(async () => {
  env.dir = mkdtempSync(path.join(tmpdir(), 'aduan-inbox-'));
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
  env.server = await startAduan(path.join(env.dir, 'aduan.db'), { seedReports: 3000, serveArgs: ['--notify-config', notify] });
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  env.smtp?.kill('SIGTERM');
  rmSync(env.dir, { recursive: true, force: true });
});

// The messages of `event` the SMTP server received for `to`, waiting for at least one.
async function mails(to, event) {
  for (let i = 0; i < 100; ++i) {
    const found = existsSync(env.smtpLog) ? readFileSync(env.smtpLog, 'utf8').split('\n').filter(Boolean)
      .map((line) => JSON.parse(line)).filter((m) => m.to.includes(to) && m.event === event) : [];
    if (found.length) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${event} message reached ${to}`);
}

const badgeCount = (page) => page.evaluate(() => Number(document.getElementById('inbox-link')?.dataset.unread ?? -1));

test('an assignment with instructions reaches the officer in the inbox, and opening it reads it', async () => {
  // A citizen files a report; the coordinator forwards it to the roads agency.
  const id = await fileReport(env.server);
  await (await staffApi(env.server, 'koordinator')).act(id, { action: 'forward', agency: 'DPUPR' });

  // The agency admin finds it in the inbox and assigns it in the panel with instructions.
  const admin = await staffPage(env.browser, env.server, 'admin.dpupr');
  await admin.setViewportSize({ width: 1366, height: 800 });
  await admin.goto(env.server.url + 'staff/inbox.html');
  await admin.waitForSelector('body[data-ready="true"]');
  await admin.waitForSelector('#inbox-list[aria-busy="false"]');
  const forwarded = admin.locator(`#inbox-list li[data-tracking-id="${id}"]`);
  assert.match(await forwarded.textContent(), /Diteruskan ke instansi Anda/);
  await admin.screenshot({ path: path.join(artifacts, 'inbox-agency-1366.png') });
  await staffAction(admin, env.server, id, 'Tugaskan petugas', async (form) => {
    await form.locator('#officer').selectOption('petugas.dpupr');
    await form.locator('textarea').first().fill(kInstructions);
  });
  assert.deepEqual(admin.errors, []);

  // The officer logs in: the header counts the unread items, the inbox lists the assignment
  // with the admin's instructions, unread.
  const officer = await staffPage(env.browser, env.server, 'petugas.dpupr');
  await officer.setViewportSize({ width: 1366, height: 800 });
  await officer.waitForFunction(() => Number(document.getElementById('inbox-link')?.dataset.unread) > 0);
  const before = await badgeCount(officer);
  assert.equal(await officer.locator('#inbox-link .count').textContent(), String(before));
  await officer.click('#inbox-link');
  await officer.waitForURL(/\/staff\/inbox\.html/);
  await officer.waitForSelector('#inbox-list[aria-busy="false"]');
  const item = officer.locator(`#inbox-list li[data-tracking-id="${id}"]`);
  assert.equal(await item.getAttribute('class'), 'inbox-item unread');
  const text = await item.textContent();
  assert.match(text, /Ditugaskan kepada Anda/);
  assert.match(text, new RegExp(`Arahan: ${kInstructions}`));
  assert.match(text, /Lubang besar di Jl\. A\. Yani km 39/);
  assert.doesNotMatch(await officer.textContent('#inbox-list'), /Siti Aminah|081234567890/);
  await officer.screenshot({ path: path.join(artifacts, 'inbox-officer-1366.png') });

  // Opened, the item is read: the count drops by one, and the inbox shows it read.
  await item.locator('.inbox-title a').click();
  await officer.waitForURL(/\/staff\/report\.html/);
  await officer.waitForSelector('#report:not([hidden])');
  await officer.waitForFunction((n) => Number(document.getElementById('inbox-link').dataset.unread) === n - 1, before);
  await officer.goto(env.server.url + 'staff/inbox.html');
  await officer.waitForSelector('#inbox-list[aria-busy="false"]');
  assert.equal(await officer.locator(`#inbox-list li[data-tracking-id="${id}"]`).getAttribute('class'), 'inbox-item');
  assert.equal(await badgeCount(officer), before - 1);

  // On a phone the inbox stays readable.
  await officer.setViewportSize({ width: 360, height: 740 });
  await officer.screenshot({ path: path.join(artifacts, 'inbox-officer-360.png'), fullPage: true });
  assert.deepEqual(officer.errors, []);

  // The assignment's e-mail reached the officer with the instructions.
  const sent = await mails('petugas.dpupr@pemda.example', 'assigned');
  assert.ok(sent.some((m) => m.body.includes(kInstructions)), JSON.stringify(sent));
});

test('mark all read empties the count, and the coordinator sees the new reports', async () => {
  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(env.server.url + 'staff/inbox.html');
  await page.waitForSelector('#inbox-list[aria-busy="false"]');
  assert.ok(await page.locator('#inbox-list li.unread').count() > 0);
  assert.match(await page.textContent('#inbox-list'), /Laporan baru menunggu verifikasi/);
  await page.screenshot({ path: path.join(artifacts, 'inbox-coordinator-1366.png') });
  await page.click('#inbox-mark-all');
  await page.waitForFunction(() => document.querySelectorAll('#inbox-list li.unread').length === 0);
  await page.waitForFunction(() => document.getElementById('inbox-link').dataset.unread === '0');
  assert.equal(await page.locator('#inbox-link .count').isVisible(), false);
  assert.match(await page.textContent('#inbox-summary'), /Semua sudah dibaca/);
  // The queue as a table at 1366 px and as cards on a phone.
  await page.goto(env.server.url + 'staff/queue.html');
  await page.waitForSelector('#queue-list[aria-busy="false"]');
  await page.screenshot({ path: path.join(artifacts, 'queue-table-1366.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: path.join(artifacts, 'queue-table-360.png') });
  assert.deepEqual(page.errors, []);
});
