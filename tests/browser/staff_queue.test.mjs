// The staff queue with 3,000 reports in Debian's Chromium: a report opened from the header
// by the number a citizen reads out (typed loosely), a number that is not there, filters and
// the order that apply as they change and live in the address, the agency's default view in
// words rather than status codes, and the whole row as the report's link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, staffPage, useAduan } from './harness.mjs';

const env = useAduan({ seedReports: 3000 });

// Elements whose words are still their message key: a key missing from the messages.
const untranslated = (page) => page.evaluate(() => [...document.querySelectorAll('[data-i18n]')]
  .filter((el) => el.textContent.trim() === el.dataset.i18n).map((el) => el.dataset.i18n));

// The queue's list is busy from the moment a change asks for rows until the newest answer is
// drawn; the address changes in the same moment, so after waiting for it this waits for the rows.
const listDrawn = (page) => page.waitForSelector('#queue-list[aria-busy="false"]');

test('staff open a report by its number from the header of any page', async () => {
  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.setViewportSize({ width: 1366, height: 800 });
  const first = page.locator('#queue-list .queue-item').first();
  const id = (await first.locator('.mono').textContent()).trim();
  // Read out over the phone: lower case, spaces instead of dashes.
  const typed = id.toLowerCase().replaceAll('-', ' ');
  await page.goto(env.server.url + 'staff/dashboard.html');
  await page.waitForSelector('#lookup-id');
  await page.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await untranslated(page), []);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'lookup-id');
  await page.keyboard.type(typed);
  const colours = await page.$eval('#lookup-id', (el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
  assert.notEqual(colours[0], colours[1], 'what is typed can be read');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff\/report\.html\?id=/);
  await page.waitForSelector('#report:not([hidden])');
  assert.equal(new URL(page.url()).searchParams.get('id'), id);

  // A number with no report says so beside the box and stays on the page.
  await page.fill('#lookup-id', 'ZZZ-ZZZ-ZZZ');
  await page.click('#lookup button[type="submit"]');
  await page.waitForSelector('#lookup-error:not(:empty)');
  assert.match(await page.textContent('#lookup-error'), /Tidak ada laporan bernomor ZZZ-ZZZ-ZZZ/);
  assert.match(page.url(), /report\.html/);
  assert.deepEqual(page.errors, []);
});

test('queue filters and order apply as they change and stay in the address', async () => {
  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(env.server.url + 'staff/queue.html?status=forwarded');
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#queue-list .queue-item').first().waitFor();
  assert.equal(await page.locator('#queue-filters button[type="submit"]').count(), 0);
  assert.deepEqual(await untranslated(page), []);

  // Search as staff type: the rows are what the API finds for the same words, every one
  // holding them (after the core's normalisation: "pju" is a lamp, "padam" is out).
  await page.fill('#q', 'pju padam');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'pju padam');
  await listDrawn(page);
  const api = await page.evaluate(async () =>
    (await (await fetch('/api/v1/staff/reports?status=forwarded&q=pju%20padam')).json()));
  assert.ok(api.total > 0, 'seeded lamp reports are found');
  const shown = await page.locator('#queue-list .queue-item .mono').allTextContents();
  assert.deepEqual(shown, api.items.map((i) => i.tracking_id));
  const texts = await page.evaluate(async (ids) => Promise.all(ids.map(async (id) => {
    const r = await (await fetch('/api/v1/staff/reports/' + id)).json();
    return `${r.title} ${r.body} ${r.location?.text ?? ''}`;
  })), api.items.map((i) => i.tracking_id));
  for (const text of texts) assert.ok(/lampu|penerangan|pju/i.test(text) && /mati|padam|nyala|gelap|fungsi|hidup|aktif|byarpet|jalan/i.test(text), text);
  await page.screenshot({ path: path.join(artifacts, 'staff-queue-search-1366.png') });
  await page.fill('#q', '');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));

  // Oldest first: the ages read in days, the largest first.
  await page.selectOption('#sort', 'oldest');
  await page.waitForURL(/sort=oldest/);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'oldest');
  await listDrawn(page);
  const ages = await page.locator('#queue-list .queue-meta').allTextContents();
  const days = ages.map((text) => Number((text.match(/masuk ([\d.]+) hari lalu/)?.[1] ?? '0').replaceAll('.', '')));
  assert.ok(days.length > 5);
  assert.deepEqual([...days].sort((a, b) => b - a), days, 'oldest first');

  // A filter applies at once, and the back button returns to the view before it.
  await page.check('input[name="overdue"]');
  await page.waitForURL(/overdue=1/);
  assert.match(page.url(), /sort=oldest/);
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('overdue'));
  assert.equal(await page.isChecked('input[name="overdue"]'), false);

  // The whole row opens the report: a click on its meta line, not on the title.
  const row = page.locator('#queue-list .queue-item').first();
  const id = (await row.locator('.mono').textContent()).trim();
  // (A real click at the meta line's place: the title's link covers the row, so Playwright
  // would refuse to click the meta element itself.)
  const box = await row.locator('.queue-meta').boundingBox();
  await page.mouse.click(box.x + 5, box.y + box.height / 2);
  await page.waitForURL(/\/staff\/report\.html/);
  assert.equal(new URL(page.url()).searchParams.get('id'), id);
  assert.deepEqual(page.errors, []);
});

test("an agency admin's default view reads as statuses, not codes", async () => {
  const page = await staffPage(env.browser, env.server, 'admin.dpupr');
  await page.setViewportSize({ width: 1366, height: 800 });
  const chosen = await page.locator('#status option:checked').textContent();
  assert.doesNotMatch(chosen, /forwarded|in_progress|escalated|,[^ ]/);
  assert.match(chosen, /, /);  // several statuses, named
  await page.screenshot({ path: path.join(artifacts, 'staff-queue-agency-1366.png') });
  await page.click('#lang-switch');
  assert.doesNotMatch(await page.locator('#status option:checked').textContent(), /_/);
  assert.deepEqual(page.errors, []);
});

test('the queue works without the mouse: j, k, Enter and the list of keys', async () => {
  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.locator('#queue-list .queue-item').nth(1).waitFor();
  const ids = await page.locator('#queue-list .queue-item .mono').allTextContents();
  const chosen = () => page.evaluate(() =>
    document.activeElement.closest('.queue-item')?.querySelector('.mono').textContent.trim() ?? null);
  await page.locator('h1').click();  // nowhere in particular, no field
  await page.keyboard.press('j');
  assert.equal(await chosen(), ids[0].trim());
  await page.keyboard.press('j');
  assert.equal(await chosen(), ids[1].trim());
  await page.keyboard.press('k');
  assert.equal(await chosen(), ids[0].trim());
  // Typed into a field, j is a letter.
  await page.locator('#q').focus();
  await page.keyboard.press('j');
  assert.equal(await page.inputValue('#q'), 'j');
  await page.fill('#q', '');
  await page.locator('h1').click();

  await page.keyboard.press('?');
  assert.equal(await page.locator('#keys').isVisible(), true);
  assert.match(await page.textContent('#keys'), /Laporan berikutnya, sebelumnya/);
  await page.screenshot({ path: path.join(artifacts, 'staff-queue-keys-1366.png') });
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#keys').isVisible(), false);

  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff\/report\.html/);
  assert.equal(new URL(page.url()).searchParams.get('id'), ids[0].trim());
  assert.deepEqual(page.errors, []);
});
