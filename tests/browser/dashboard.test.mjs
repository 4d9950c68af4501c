// The staff dashboard at 3,000 reports in Debian's Chromium: every figure says what it counts
// and over which days, the overdue figure holds the escalated reports however long ago they
// were filed, the trend draws what was filed and what was closed (with a table of the same
// numbers), and compliance is defined beside it; in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, staffPage, useAduan } from './harness.mjs';

const env = useAduan({ seedReports: 3000 });

const untranslated = (page) => page.evaluate(() => [...document.querySelectorAll('[data-i18n]')]
  .filter((el) => el.textContent.trim() === el.dataset.i18n).map((el) => el.dataset.i18n));

test('the dashboard says what each figure counts and draws filed and closed', async () => {
  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(env.server.url + 'staff/dashboard.html');
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForLoadState('networkidle');
  const api = await page.evaluate(async () => (await fetch('/api/v1/staff/dashboard')).json());
  assert.deepEqual(await untranslated(page), []);

  // The period, the agency and the category the figures are of.
  const scope = await page.textContent('#dash-scope');
  assert.match(scope, /Periode .+ – .+ · Semua instansi · semua kategori/);
  // Each headline figure with its basis: filed in the period, or today whenever filed.
  assert.equal(await page.textContent('#dash-total'), api.total.toLocaleString('id-ID'));
  assert.match(await page.textContent('#dash-total-scope'), /^yang masuk .+ – .+$/);
  assert.match(await page.textContent('#dash-open-scope'), /^hari ini, kapan pun masuk/);
  assert.match(await page.textContent('#dash-overdue-scope'), /^hari ini, kapan pun masuk/);
  assert.match(await page.textContent('#dash-rating-scope'), /yang masuk .+ dan sudah dinilai/);

  // Overdue holds the escalated reports (the demo's, filed five months ago, among them),
  // and its parts lead to the queue lists that hold them.
  assert.ok(api.overdue.escalated > 0);
  assert.equal(api.overdue.total, api.overdue.past_due + api.overdue.escalated);
  assert.equal(await page.textContent('#dash-overdue'), api.overdue.total.toLocaleString('id-ID'));
  const parts = page.locator('#dash-overdue-parts a');
  assert.equal(await parts.nth(1).textContent(), `${api.overdue.escalated.toLocaleString('id-ID')} ditangani pengawas (dieskalasi)`);
  assert.match(await parts.nth(1).getAttribute('href'), /status=escalated/);
  // The escalated ones filed longest ago are listed with the day each was filed.
  const held = await page.locator('#dash-late-escalated li').allTextContents();
  assert.equal(held.length, Math.min(20, api.overdue.escalated));
  assert.equal(held.length, api.overdue.escalated_items.length);
  for (const [i, item] of api.overdue.escalated_items.entries()) {
    assert.ok(held[i].startsWith(item.tracking_id), held[i]);
    assert.match(held[i], /Ditangani pengawas · .*masuk \d+ \w+ \d{4}/);
  }

  // The trend: both series drawn on one scale, and a table with the same numbers.
  const weeks = api.trend.weeks;
  assert.ok(weeks.length >= 5);
  assert.ok(weeks.some((w) => w.closed > 0));
  assert.equal(await page.locator('#dash-chart-trend rect.chart-filed').count(), weeks.length + 1);  // and the legend's
  assert.equal(await page.locator('#dash-chart-trend rect.chart-closed').count(), weeks.length + 1);
  const heights = await page.$$eval('#dash-chart-trend rect', (rects) => rects.map((r) => [r.getAttribute('class'), Number(r.getAttribute('height'))]));
  const tallest = (cls) => Math.max(...heights.filter(([c]) => c === cls).slice(1).map(([, h]) => h));
  const most = (key) => Math.max(...weeks.map((w) => w[key]));
  // One scale: the series with the larger week has the taller column.
  if (most('closed') > most('submitted')) assert.ok(tallest('chart-closed') > tallest('chart-filed'));
  else assert.ok(tallest('chart-filed') >= tallest('chart-closed'));
  const rows = await page.$$eval('#dash-trend-rows tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, weeks.length);
  assert.deepEqual(rows.map((r) => [r[1], r[2]]), weeks.map((w) => [w.submitted.toLocaleString('id-ID'), w.closed.toLocaleString('id-ID')]));
  assert.match(await page.getAttribute('#dash-chart-trend svg', 'aria-label'), /laporan masuk, .+ selesai/);
  assert.match(await page.textContent('#dash-trend-note'), /Selesai: laporan yang ditutup pada minggu itu/);

  // Compliance is defined beside the figure, with the thresholds the server ranks by.
  const definition = await page.textContent('#dash-compliance-note');
  assert.match(definition, /tahap tanggapan pertama dan penyelesaian yang berakhir/);
  assert.match(definition, /Hijau mulai 90%, kuning mulai 70%/);
  assert.match(await page.textContent('#dash-stages-note'), /Tepat waktu: berakhir pada atau sebelum batas waktunya/);

  await page.screenshot({ path: path.join(artifacts, 'staff-dashboard-1366.png') });
  await page.screenshot({ path: path.join(artifacts, 'staff-dashboard-1366-full.png'), fullPage: true });
  await page.locator('section[aria-labelledby="trend-heading"]').screenshot({ path: path.join(artifacts, 'staff-dashboard-trend.png') });
  await page.locator('section[aria-labelledby="agencies-heading"]').screenshot({ path: path.join(artifacts, 'staff-dashboard-agencies.png') });

  // Over more than half a year the series is per month, drawn and tabled alike.
  const from = `${Number(api.scope.to.slice(0, 4)) - 1}-01-01`;
  await page.fill('#from', from);
  await page.click('#dash-filters button[type="submit"]');
  await page.waitForFunction(() => document.getElementById('dash-trend-period-col').textContent === 'Bulan');
  const year = await page.evaluate(async (f) => (await fetch('/api/v1/staff/dashboard?from=' + f)).json(), from);
  assert.ok(year.trend.months.length >= 12);
  assert.equal(await page.locator('#dash-trend-rows tr').count(), year.trend.months.length);
  assert.equal(await page.locator('#dash-chart-trend rect.chart-closed').count(), year.trend.months.length + 1);
  assert.match(await page.textContent('#dash-trend-note'), /^Per bulan/);

  // In English, every one of those words is English.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('#dash-scope'), /Period .+ · All agencies · all categories/);
  assert.match(await page.textContent('#dash-overdue-scope'), /^today, whenever filed/);
  assert.match(await page.textContent('#dash-compliance-note'), /Green from 90%, amber from 70%/);
  assert.deepEqual(await untranslated(page), []);
  await page.click('#lang-switch');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an agency admin reads the figures as those of their own agency', async () => {
  const page = await staffPage(env.browser, env.server, 'admin.dpupr');
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(env.server.url + 'staff/dashboard.html');
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#dash-scope'), /Instansi: instansi Anda beserta unitnya/);
  // The demo's escalated report is the roads agency's.
  assert.match(await page.textContent('#dash-late-escalated'), /Lampu penerangan jalan mati sepanjang 2 km/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
