// Provisional holidays in Debian's Chromium: a report whose deadline falls in a year whose
// holidays no admin has confirmed (2027 onwards ship from date-holidays, unconfirmed) says so
// on the staff report page and in the queue, from what the server says; once the system
// admin confirms the year on the holiday page, the warning is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, staffPage, useAduan } from './harness.mjs';

const env = useAduan({ seedReports: 300 });

async function login(username) {
  const res = await fetch(env.server.url + 'api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: env.server.passwords[username] }),
  });
  assert.equal(res.status, 200);
  return { Cookie: res.headers.get('set-cookie').split(';')[0] };
}

test('the staff panel warns on a deadline in a year whose holidays are not confirmed', async () => {
  // The demo's roads report, forwarded before today: the escalation date is sixty working
  // days on, in a year the demo's admin has not confirmed.
  const headers = await login('koordinator');
  const queue = await (await fetch(env.server.url + 'api/v1/staff/reports?status=forwarded', { headers })).json();
  // (Seeded reports forwarded years ago span years with no holidays at all, which no one can
  // confirm; the demo's spans only shipped years.)
  const item = queue.items.find((i) => i.deadline_provisional &&
    i.unconfirmed_holiday_years.every((y) => y >= 2026 && y <= 2030));
  assert.ok(item, 'a forwarded report with a provisional deadline');
  const years = item.unconfirmed_holiday_years.join(', ');
  assert.ok(years.length > 0);

  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.setViewportSize({ width: 1366, height: 900 });
  // The queue marks it.
  const row = page.locator('.queue-item', { has: page.locator(`.mono:text("${item.tracking_id}")`) });
  await page.goto(env.server.url + 'staff/queue.html?status=forwarded');
  await page.waitForSelector('body[data-ready="true"]');
  await row.first().waitFor();
  assert.match(await row.first().textContent(), /Libur belum dikonfirmasi/);

  await page.goto(env.server.url + 'staff/report.html?id=' + encodeURIComponent(item.tracking_id));
  await page.waitForSelector('#report:not([hidden])');
  const warning = page.locator('#deadline-provisional');
  assert.equal(await warning.isVisible(), true);
  assert.equal(await warning.textContent(), `Libur tahun ${years} belum dikonfirmasi; batas waktu bisa bergeser.`);
  await page.screenshot({ path: path.join(artifacts, 'staff-report-provisional-holidays.png') });
  await page.click('#lang-switch');
  assert.equal(await warning.textContent(), `The holidays of ${years} are not confirmed yet; the deadline may move.`);
  await page.click('#lang-switch');

  // The system admin confirms the year on the holiday page.
  const admin = await staffPage(env.browser, env.server, 'sysadmin');
  await admin.setViewportSize({ width: 1366, height: 900 });
  await admin.goto(env.server.url + 'staff/holidays.html');
  await admin.waitForSelector('body[data-ready="true"]');
  await admin.screenshot({ path: path.join(artifacts, 'staff-holidays-provisional.png'), fullPage: false });
  for (const year of item.unconfirmed_holiday_years) {
    await admin.getByRole('button', { name: `Konfirmasi hari libur tahun ${year}` }).click();
    await admin.getByRole('button', { name: `Konfirmasi hari libur tahun ${year}` }).waitFor({ state: 'detached' });
  }

  await page.reload();
  await page.waitForSelector('#report:not([hidden])');
  assert.equal(await warning.isVisible(), false);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(admin.errors, []);
  await page.context().close();
  await admin.context().close();
});
