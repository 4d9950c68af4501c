// The first tap on "Kirim laporan" on a touch phone: the field the citizen leaves gets its
// error only after the tap is done, so the button never moves between touch-down and
// touch-up and the tap always submits or shows what to fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, useAduan } from './harness.mjs';

const env = useAduan();
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function openPhone() {
  const context = await env.browser.newContext(phone);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="true"]');
  return { context, page };
}

// A real finger through the browser's input pipeline (touch -> gesture -> tap -> click),
// at coordinates measured before the tap, as a finger would be.
async function tapAt(page, x, y) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('a tap on the submit button while a field with an error is focused shows the errors', async () => {
  const { context, page } = await openPhone();
  await page.fill('#title', 'Jalan berlubang di depan pasar');
  // The last field before the button, left invalid and still focused: its error, shown on
  // leaving it, would push the button down under the finger.
  await page.focus('#reporter-nik');
  await page.keyboard.type('123');
  await page.evaluate(() => document.getElementById('submit-button').scrollIntoView({ block: 'center' }));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reporter-nik');
  assert.equal(await page.textContent('#reporter-nik-error'), '');
  const box = await page.locator('#submit-button').boundingBox();
  // Near the button's top edge: a shift of one error line moves the button out from under it.
  await tapAt(page, box.x + box.width / 2, box.y + 4);

  // The tap did what it says: every error and the summary, the first field with an error
  // focused.
  await page.locator('#form-summary', { hasText: 'Periksa kembali' }).waitFor({ timeout: 3000 });
  assert.notEqual(await page.textContent('#reporter-nik-error'), '');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'submit-button');
  await page.screenshot({ path: path.join(artifacts, 'phone-first-tap-errors.png'), fullPage: false });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a tap on the submit button of a valid form with a field still focused sends it', async () => {
  const { context, page } = await openPhone();
  await page.fill('#title', 'Jalan berlubang di depan pasar');
  await page.fill('#body', 'Lubang besar di tengah jalan depan pasar, sudah dua motor jatuh minggu ini.');
  await page.fill('#incident_date', '2026-11-20');
  await page.selectOption('#category', 'jalan-jembatan');
  await page.fill('#location-text', 'Jl. Pasar Baru');
  await page.fill('#reporter-phone', '081234567890');
  await page.focus('#reporter-nik');
  await page.evaluate(() => document.getElementById('submit-button').scrollIntoView({ block: 'center' }));
  const box = await page.locator('#submit-button').boundingBox();
  await tapAt(page, box.x + box.width / 2, box.y + 4);
  await page.locator('#done-view:not([hidden])').waitFor({ timeout: 10000 });
  assert.match(await page.textContent('#tracking-id'), /^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/);
  assert.deepEqual(page.errors, []);
  await context.close();
});
