// The look of every page, measured rather than eyeballed: on a 360x740 phone the header is
// compact and every tap target in it at least 44 px tall, links are the brand's colour (not
// the browser's blue), no control sticks out of the screen, the file picker offers the camera
// and the file list as two real buttons, and "how it works" gives the core's deadlines. Each
// citizen page is photographed at 360x740 and each staff page at 1366 px wide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, staffPage, useAduan } from './harness.mjs';
import { kPages } from '../../tools/page_weight.mjs';

const env = useAduan({ seedReports: 60 });
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const shot = (name) => path.join(artifacts, `look-${name}.png`);

async function openPhone(url, lang = 'id') {
  const context = await env.browser.newContext(phone);
  await context.addInitScript((l) => localStorage.setItem('aduan.lang', l), lang);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { context, page };
}

// A report of the test's own, opened with its PIN so the tracking page shows everything.
async function sentReport() {
  const res = await fetch(env.server.url + 'api/v1/reports', { method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ classification: 'complaint', title: 'Lampu jalan mati di depan sekolah',
      body: 'Lampu penerangan jalan di depan sekolah mati sejak seminggu, gelap pada malam hari.',
      incident_date: '2026-11-20', location: { text: 'Jl. Pendidikan' }, category: 'jalan-jembatan',
      reporter: { phone: '081234567890' } }) });
  return res.json();
}

test('every citizen page at 360x740: compact header, brand links, nothing off the screen', async () => {
  const sent = await sentReport();
  const pages = [...kPages, `track.html?id=${sent.tracking_id}#pin=${sent.pin}`];
  for (const p of pages) {
    const { context, page } = await openPhone(env.server.url + p);
    const name = p === '' ? 'index' : p.startsWith('track.html?') ? 'track-report' : p.replace('.html', '');
    if (p.includes('#pin=')) await page.locator('#citizen-actions').waitFor();
    await page.screenshot({ path: shot(`phone-${name}`) });
    await page.screenshot({ path: shot(`phone-${name}-full`), fullPage: true });

    const header = await page.locator('header.bar').boundingBox();
    assert.ok(header.height <= 64, `/${p}: the header is ${header.height}px tall`);
    // In English too, where the button names the other language.
    if (p === '') {
      await page.click('#lang-switch');
      const en = await page.locator('header.bar').boundingBox();
      assert.ok(en.height <= 64, `the English header is ${en.height}px tall`);
      await page.click('#lang-switch');
    }
    // Every visible link and button in the header is a finger's size.
    const small = await page.evaluate(() => [...document.querySelectorAll('header.bar a, header.bar button, header.bar summary')]
      .filter((e) => e.offsetParent && !e.classList.contains('skip'))
      .map((e) => ({ text: e.textContent.trim(), h: e.getBoundingClientRect().height }))
      .filter((e) => e.h < 44));
    assert.deepEqual(small, [], `/${p}: header tap targets under 44 px`);

    // A link in the text is the brand's colour, not the browser's default blue.
    const blue = await page.evaluate(() => [...document.querySelectorAll('main a')]
      .filter((a) => a.offsetParent && !a.classList.contains('button'))
      .map((a) => ({ text: a.textContent.trim().slice(0, 30), color: getComputedStyle(a).color }))
      .filter((a) => a.color === 'rgb(0, 0, 238)' || a.color === 'rgb(85, 26, 139)'));
    assert.deepEqual(blue, [], `/${p}: links in the browser's blue`);

    // No form control reaches past the right edge of the screen (a long option in a select).
    const wide = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button, .button')]
      .filter((e) => e.offsetParent && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => e.id || e.name || e.textContent.trim().slice(0, 30)));
    assert.deepEqual(wide, [], `/${p}: controls past the screen's edge`);
    // The choice a closed select shows fits inside it (the agency list's first line used to
    // be cut in the middle of a word).
    const cut = await page.evaluate(() => [...document.querySelectorAll('select')].filter((s) => s.offsetParent).filter((s) => {
      const cs = getComputedStyle(s);
      const g = document.createElement('canvas').getContext('2d');
      g.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      return g.measureText(s.selectedOptions[0]?.textContent ?? '').width > room;
    }).map((s) => s.id));
    assert.deepEqual(cut, [], `/${p}: selects whose shown choice is cut`);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('the phone menu opens to full-size links and closes again', async () => {
  const { context, page } = await openPhone(env.server.url + 'track.html');
  const menu = page.locator('header.bar summary');
  await menu.tap();
  const links = page.locator('header.bar nav a');
  await links.first().waitFor({ state: 'visible' });
  for (const box of await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height))) {
    assert.ok(box >= 44, `a menu link is ${box}px tall`);
  }
  await page.screenshot({ path: shot('phone-menu-open') });
  await page.keyboard.press('Escape');
  await links.first().waitFor({ state: 'hidden' });
  await context.close();
});

test('the file picker offers the camera and the file list as buttons, and a photo is not "sent" before the report', async () => {
  const { context, page } = await openPhone(env.server.url);
  // The buttons are the labels of the two inputs: a tap opens the input's chooser.
  const camera = page.locator('label[for="attachment-camera"]');
  const files = page.locator('label[for="attachment-input"]');
  assert.equal(await camera.textContent(), 'Ambil foto');
  assert.equal(await files.textContent(), 'Pilih file');
  for (const b of [camera, files]) {
    const box = await b.boundingBox();
    assert.ok(box && box.height >= 44 && box.width >= 44, 'a picker button is a finger\'s size');
  }
  // The camera opens the back camera for photos; the file list takes photos and PDFs.
  assert.equal(await page.getAttribute('#attachment-camera', 'capture'), 'environment');
  assert.equal(await page.getAttribute('#attachment-camera', 'accept'), 'image/*');
  assert.match(await page.getAttribute('#attachment-input', 'accept'), /application\/pdf/);
  // The native inputs stay in the page, named by their labels for a screen reader, and
  // take no room.
  assert.equal(await page.getByLabel('Ambil foto').getAttribute('id'), 'attachment-camera');
  for (const id of ['attachment-camera', 'attachment-input']) {
    const box = await page.locator('#' + id).boundingBox();
    assert.ok(!box || box.width <= 1, `#${id} is visually hidden`);
  }

  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const chooser = page.waitForEvent('filechooser');
  await camera.tap();
  await (await chooser).setFiles({ name: 'foto.png', mimeType: 'image/png', buffer: png });
  const state = page.locator('#attachment-list li .attachment-state');
  await state.filter({ hasText: 'Terunggah, siap dikirim' }).waitFor({ timeout: 15000 });
  assert.doesNotMatch(await state.textContent(), /^Terkirim/);
  await page.screenshot({ path: shot('phone-attachment-ready'), fullPage: false });
  await context.close();
});

test('"how it works" gives the steps with the core\'s deadlines in both languages', async () => {
  for (const lang of ['id', 'en']) {
    const { context, page } = await openPhone(env.server.url, lang);
    const how = page.locator('#how');
    // Closed on a phone: the form stays near the top.
    assert.equal(await how.evaluate((d) => d.open), false);
    const form = await page.locator('#report-form').boundingBox();
    assert.ok(form.y < 740, `the form starts at ${form.y}px`);
    await how.locator('summary').tap();
    const steps = await how.locator('ol li').allTextContents();
    assert.equal(steps.length, 6);
    // The numbers are the core's DeadlinePolicy defaults, rendered from the wasm core.
    const days = lang === 'id' ? 'hari kerja' : 'working days';
    for (const [i, n] of [[1, 3], [2, 5], [4, 10], [5, 60]]) assert.match(steps[i], new RegExp(`${n} ${days}`), steps[i]);
    assert.match(steps[3], lang === 'id' ? /2–60 hari kerja/ : /2–60 working days/);
    assert.match(await how.textContent(), lang === 'id' ? /Ombudsman/ : /Ombudsman/);
    await page.screenshot({ path: shot(`phone-how-${lang}`), fullPage: true });
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('every staff page at 1366 px', async () => {
  const logins = { koordinator: ['queue', 'dashboard', 'report', 'term-links'], sysadmin: ['holidays', 'notifications', 'api-keys'], 'admin.dpupr': ['canned', 'agency-settings'] };
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const login = await context.newPage();
  await login.goto(env.server.url + 'staff/');
  await login.waitForSelector('body[data-ready="true"]');
  await login.screenshot({ path: shot('staff-login') });
  await context.close();
  const sent = await sentReport();
  for (const [user, pages] of Object.entries(logins)) {
    const page = await staffPage(env.browser, env.server, user);
    await page.setViewportSize({ width: 1366, height: 900 });
    for (const p of pages) {
      const query = p === 'report' ? `?id=${sent.tracking_id}` : '';
      await page.goto(`${env.server.url}staff/${p}.html${query}`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: shot(`staff-${p}`), fullPage: true });
      const blue = await page.evaluate(() => [...document.querySelectorAll('main a')]
        .filter((a) => a.offsetParent && !a.classList.contains('button'))
        .map((a) => getComputedStyle(a).color).filter((c) => c === 'rgb(0, 0, 238)' || c === 'rgb(85, 26, 139)'));
      assert.deepEqual(blue, [], `staff/${p}: links in the browser's blue`);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
