// The staff queue with 3,000 reports in Debian's Chromium: a report opened from the header
// by the number a citizen reads out (typed loosely), a number that is not there, filters and
// the order that apply as they change and live in the address, the agency's default view in
// words rather than status codes, and the whole row as the report's link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, staffApi, staffPage, useAduan } from './harness.mjs';

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
  const ages = await page.locator('#queue-list .queue-age').allTextContents();
  const days = ages.map((text) => Number((text.match(/([\d.]+) hari/)?.[1] ?? '0').replaceAll('.', '')));
  assert.ok(days.length > 5);
  assert.deepEqual([...days].sort((a, b) => b - a), days, 'oldest first');

  // A filter applies at once, and the back button returns to the view before it.
  await page.check('input[name="overdue"]');
  await page.waitForURL(/overdue=1/);
  assert.match(page.url(), /sort=oldest/);
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('overdue'));
  assert.equal(await page.isChecked('input[name="overdue"]'), false);
  // The view before it is drawn again; its rows are the ones to click.
  await page.waitForSelector('#queue-list[aria-busy="false"]', { state: 'attached' });

  // The whole row opens the report: a click on its status cell, not on the title.
  const row = page.locator('#queue-list .queue-item').first();
  const id = (await row.locator('.mono').textContent()).trim();
  // (A real click at the cell's place: the title's link covers the row, so Playwright
  // would refuse to click the cell itself.)
  await row.scrollIntoViewIfNeeded();
  const box = await row.locator('.queue-status').boundingBox();
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
  // Cleared, the search would run again after the typing pause and redraw the list under
  // the keys pressed below (on a busy machine, after Enter chose a row): run it at once with
  // Enter and wait until its answer is drawn.
  await page.fill('#q', '');
  await page.locator('#q').press('Enter');
  await page.locator('#queue-list[aria-busy="false"]').waitFor({ state: 'attached' });
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

test('a saved view returns to its filters from a link above the queue', async () => {
  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.selectOption('#status', 'forwarded');
  await page.check('input[name="overdue"]');
  await page.selectOption('#sort', 'oldest');
  await page.waitForURL(/sort=oldest/);
  await page.click('#view-save-open');
  await page.fill('#view-name', 'Lewat batas, terlama');
  await page.keyboard.press('Enter');
  const link = page.locator('#views-list a', { hasText: 'Lewat batas, terlama' });
  await link.waitFor();
  assert.equal(await link.getAttribute('aria-current'), 'true');
  await page.screenshot({ path: path.join(artifacts, 'staff-queue-views-1366.png') });

  // Another day, from the plain queue: the view's link restores every filter.
  await page.goto(env.server.url + 'staff/queue.html');
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#views-list a', { hasText: 'Lewat batas, terlama' }).click();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForURL(/overdue=1/);
  assert.equal(await page.inputValue('#status'), 'forwarded');
  assert.equal(await page.isChecked('input[name="overdue"]'), true);
  assert.equal(await page.inputValue('#sort'), 'oldest');

  // Deleted, it is gone for good.
  await page.getByRole('button', { name: 'Hapus tampilan Lewat batas, terlama' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#views-list li').length === 0);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#views:not([hidden])');
  assert.equal(await page.locator('#views-list li').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('a bulk forward acts on each ticked report and says which were refused', async () => {
  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.locator('#queue-list .queue-item').nth(3).waitFor();
  const ids = (await page.locator('#queue-list .queue-item .mono').allTextContents()).slice(0, 3).map((s) => s.trim());
  // The first by keyboard (x on the focused row), the others by their boxes.
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  for (const id of ids.slice(1)) await page.getByRole('checkbox', { name: `Pilih laporan ${id}` }).check();
  assert.match(await page.textContent('#bulk-count'), /3 laporan dipilih/);

  // Meanwhile a colleague postpones the second: the page's version of it is stale.
  const colleague = await staffApi(env.server, 'koordinator');
  await colleague.act(ids[1], { action: 'postpone', note: 'Mohon lengkapi alamat lokasinya.' });

  await page.click('#bulk-buttons button[value="forward"]');
  const form = page.locator('#bulk-area .action-form');
  await form.locator('#agency').selectOption('DPUPR');
  await page.screenshot({ path: path.join(artifacts, 'staff-queue-bulk-1366.png') });
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('#bulk-result p');
  assert.match(await page.textContent('#bulk-result'), /2 laporan berhasil, 1 ditolak/);
  assert.match(await page.textContent('#bulk-result .refused'), new RegExp(`${ids[1]}: Laporan sudah berubah`));
  await page.screenshot({ path: path.join(artifacts, 'staff-queue-bulk-result-1366.png') });

  const statuses = await Promise.all(ids.map(async (id) => (await colleague.get(id)).status));
  assert.deepEqual(statuses, ['forwarded', 'postponed', 'forwarded']);
  // The queue was drawn again: the forwarded reports left the list of new ones.
  await page.waitForSelector('#queue-list[aria-busy="false"]');
  const shown = (await page.locator('#queue-list .queue-item .mono').allTextContents()).map((s) => s.trim());
  assert.ok(!shown.includes(ids[0]) && !shown.includes(ids[2]), shown.join(' '));
  assert.deepEqual(page.errors, []);
});

test('from the queue, a report is worked and left with the keyboard alone', async () => {
  const page = await staffPage(env.browser, env.server, 'koordinator');
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.locator('#queue-list .queue-item').nth(2).waitFor();
  const ids = (await page.locator('#queue-list .queue-item .mono').allTextContents()).map((s) => s.trim());
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff\/report\.html/);
  await page.waitForSelector('#report:not([hidden])');
  assert.match(await page.textContent('#report-position'), new RegExp(`^1 dari ${ids.length} `));

  await page.keyboard.press('?');
  assert.match(await page.textContent('#keys'), /Verifikasi & teruskan/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#keys').isVisible(), false);

  // f opens the forward form; Escape closes it; f again, and the form is sent.
  await page.keyboard.press('f');
  await page.locator('.action-form[data-action="forward"]').waitFor();
  await page.locator('h1').click();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.action-form').count(), 0);
  await page.keyboard.press('f');
  await page.locator('#agency').selectOption('DPUPR');
  await page.locator('.action-form button[type="submit"]').click();
  // Done: the way to the next report has the focus, and Enter follows it.
  await page.waitForFunction(() => document.activeElement?.classList.contains('next'));
  await page.screenshot({ path: path.join(artifacts, 'staff-report-next-1366.png') });
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('id') === ids[1]);
  await page.waitForSelector('#report:not([hidden])');
  // j and k move along the queue's page.
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.waitForURL((url) => url.searchParams.get('id') === ids[2]);
  await page.waitForSelector('#report:not([hidden])');
  await page.locator('h1').click();
  await page.keyboard.press('k');
  await page.waitForURL((url) => url.searchParams.get('id') === ids[1]);
  // Back to the queue: the same view it came from.
  assert.equal(await page.getAttribute('#report-back', 'href'), '/staff/queue.html');
  assert.deepEqual(page.errors, []);
});
