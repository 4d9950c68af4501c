// The category suggestion in Debian's Chromium, with a store whose verified reports are the
// training corpus (tests/category/training.tsv): a citizen typing is offered the category and
// its agency and accepts it; a category already chosen is left alone; the coordinator's
// forward form offers the agency the words point to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { artifacts, staffPage, useAduan } from './harness.mjs';

const env = useAduan({
  prepare: (db) => execFileSync(process.env.ADUAN_LOAD_REPORTS,
    ['--db', db, '--tsv', process.env.ADUAN_CATEGORY_TRAINING]),
});

const kTitle = 'Jalan berlubang di depan pasar';
const kBody = 'Jalan di depan pasar berlubang besar dan becek kalau hujan, motor sering jatuh. Mohon diaspal ulang.';

async function phonePage() {
  const page = await env.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

test('typing the title and body offers the category and its agency; accepting fills both', async () => {
  const page = await phonePage();
  const box = page.locator('#category-suggestion');
  assert.equal(await box.isHidden(), true);
  await page.fill('#title', kTitle);
  await page.fill('#body', kBody);
  await box.waitFor({ state: 'visible' });
  assert.match(await box.textContent(), /Sepertinya ini:\s*Jalan dan Jembatan → Dinas Pekerjaan Umum dan Penataan Ruang/);
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'category-suggestion-360.png') });
  await box.getByRole('button', { name: 'Pakai kategori Jalan dan Jembatan' }).tap();
  assert.equal(await page.inputValue('#category'), 'jalan-jembatan');
  assert.equal(await page.inputValue('#agency'), 'DPUPR');
  assert.equal(await box.isHidden(), true);
  assert.match(await page.textContent('#category-suggestion-status'), /Kategori diisi: Jalan dan Jembatan/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a category the citizen chose is never overwritten', async () => {
  const page = await phonePage();
  await page.selectOption('#category', 'kesehatan');
  await page.fill('#title', kTitle);
  await page.fill('#body', kBody);
  await page.waitForTimeout(1200);  // well past the suggestion's delay
  assert.equal(await page.locator('#category-suggestion').isHidden(), true);
  assert.equal(await page.inputValue('#category'), 'kesehatan');
  assert.equal(await page.inputValue('#agency'), '');
  // Cleared again, the words are offered again; nothing is chosen for the citizen.
  await page.selectOption('#category', '');
  await page.locator('#category-suggestion').waitFor({ state: 'visible' });
  assert.equal(await page.inputValue('#category'), '');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the coordinator's forward form offers the agency the words point to", async () => {
  const res = await fetch(env.server.url + 'api/v1/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      classification: 'complaint', incident_date: '2026-11-20', location: { text: 'Pasar Martapura' },
      reporter: { phone: '081234567890' }, category: 'lainnya', title: 'Air PDAM mati sudah tiga hari',
      body: 'Air PDAM di rumah kami tidak mengalir sudah tiga hari, kalau mengalir airnya keruh dan berbau.',
    }),
  });
  assert.equal(res.status, 201);
  const { tracking_id: id } = await res.json();
  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(env.server.url + 'staff/report.html?id=' + id);
  await page.waitForSelector('body[data-ready="true"]');
  await page.getByRole('button', { name: 'Verifikasi & teruskan' }).click();
  const offer = page.locator('#forward-suggestion');
  await offer.waitFor({ state: 'visible' });
  assert.match(await offer.textContent(), /Saran dari isi laporan:\s*Air Bersih → Perumda Air Minum Intan Banjar/);
  await page.screenshot({ path: path.join(artifacts, 'category-forward-1366.png') });
  await offer.getByRole('button', { name: 'Pakai kategori Air Bersih' }).click();
  assert.equal(await page.inputValue('form.action-form #agency'), 'PDAM');
  assert.equal(await page.inputValue('form.action-form #category'), 'air-bersih');
  assert.deepEqual(page.errors, []);
  await page.close();
});
