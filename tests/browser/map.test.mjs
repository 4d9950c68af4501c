// The maps on a 360 px phone, with tiles from a loopback server this test runs (no
// internet): the citizen opens the map, taps to place the pin, the position and a region
// suggestion fill the form, and the report carries them; the transparency page shows the
// published reports clustered at their rounded positions; tiles that fail leave a usable
// form and a quiet note.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { artifacts, staffApi, useAduan } from './harness.mjs';

// A 256x256 PNG of one colour: the tile every address of the tile server answers with.
function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; ++k) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function solidPng([r, g, b]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header.set([8, 2, 0, 0, 0], 8);  // 8 bits, RGB
  const row = Buffer.alloc(1 + 256 * 3);
  for (let x = 0; x < 256; ++x) row.set([r, g, b], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: 256 }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

const tile = solidPng([200, 225, 215]);
const tileRequests = [];
let failTiles = false;
const tiles = createServer((req, res) => {
  tileRequests.push(req.url);
  if (failTiles || !/^\/\d+\/\d+\/\d+\.png$/.test(req.url)) {
    res.writeHead(503).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': tile.length }).end(tile);
});
await new Promise((resolve) => tiles.listen(0, '127.0.0.1', resolve));
after(() => tiles.close());
const tileOrigin = `http://127.0.0.1:${tiles.address().port}`;

const env = useAduan({ serveArgs: ['--map-tiles', `${tileOrigin}/{z}/{x}/{y}.png`, '--map-attribution', 'Peta uji <lokal>'] });
// Balikpapan's harbour, where the region data can tell the city (64.71).
const balikpapan = { latitude: -1.265, longitude: 116.83 };
const phone = {
  viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true,
  geolocation: balikpapan, permissions: ['geolocation'],
};

async function openPhone(url) {
  const context = await env.browser.newContext(phone);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { context, page };
}

test('the citizen places the pin on the map; the position and the region fill the form and reach the report', async () => {
  const { context, page } = await openPhone(env.server.url);
  // The library is not part of the page until the map is opened.
  assert.equal(await page.evaluate(() => typeof window.L), 'undefined');
  await page.fill('#title', 'Lampu jalan mati di dekat pelabuhan');
  await page.fill('#body', 'Tiga lampu penerangan jalan mati sejak minggu lalu, jalan sangat gelap pada malam hari.');
  await page.fill('#incident_date', '2026-11-20');
  await page.selectOption('#category', 'jalan-jembatan');
  await page.fill('#location-text', 'Jalan di depan pelabuhan');
  await page.fill('#reporter-phone', '081234567890');

  // The phone's own position first, then the map to correct it.
  await page.tap('#gps-add');
  await page.waitForFunction(() => /-1\.265/.test(document.getElementById('gps-status').textContent));
  await page.locator('#map-open').waitFor();
  assert.equal(await page.textContent('#map-open'), 'Pilih di peta');
  await page.tap('#map-open');
  await page.waitForSelector('#map-canvas img.leaflet-tile-loaded');
  assert.equal(await page.getAttribute('#map-open', 'aria-expanded'), 'true');
  assert.ok(tileRequests.some((u) => u.startsWith('/16/')), 'tiles at the position\'s zoom came from the local server');
  // The attribution is the setting's text, escaped rather than read as HTML.
  assert.match(await page.textContent('.leaflet-control-attribution'), /Peta uji <lokal>/);

  await page.locator('#map-canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('#map-canvas').boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40);
  await page.waitForFunction(() => !/-1\.26500, 116\.83000/.test(document.getElementById('gps-status').textContent));
  const shown = (await page.textContent('#gps-status')).match(/(-?\d+\.\d+), (-?\d+\.\d+)/);
  const placed = { lat: Number(shown[1]), lon: Number(shown[2]) };
  // A tap 60 px right and 40 px down of the centre at zoom 16, where a pixel is 360/2^24
  // degree of longitude: 0.00129 degree east, and about as much per pixel south.
  const perPixel = 360 / 2 ** 24;
  assert.ok(Math.abs(placed.lon - balikpapan.longitude - 60 * perPixel) < 2 * perPixel, JSON.stringify(placed));
  assert.ok(Math.abs(balikpapan.latitude - placed.lat - 40 * perPixel) < 2 * perPixel, JSON.stringify(placed));
  // The picker is set (its district list still loading) before the note under the map is
  // written, so the note is what says the suggestion is complete.
  await page.waitForFunction(() => /Kota Balikpapan, Kalimantan Timur/.test(document.getElementById('map-region').textContent));
  assert.equal(await page.inputValue('#region-regency'), '64.71');
  assert.equal(await page.inputValue('#region-province'), '64');
  await page.screenshot({ path: path.join(artifacts, 'map-submit-pin.png'), fullPage: true });
  await page.locator('[data-field="location.text"]').screenshot({ path: path.join(artifacts, 'map-submit-pin-field.png') });

  // Keyboard users: the centre button places the pin where the map is centred.
  await page.locator('#map-center').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /-1\.265\d*, 116\.83\d*/.test(document.getElementById('gps-status').textContent));
  await page.locator('#map-canvas').scrollIntoViewIfNeeded();
  const again = await page.locator('#map-canvas').boundingBox();
  await page.touchscreen.tap(again.x + again.width / 2 + 60, again.y + again.height / 2 + 40);
  // The same spot again, give or take the part of a pixel by which the map may sit elsewhere
  // after scrolling; the report must then carry the position shown.
  await page.waitForFunction(({ lat, lon, tolerance }) => {
    const m = document.getElementById('gps-status').textContent.match(/(-?\d+\.\d+), (-?\d+\.\d+)/);
    return m && Math.abs(Number(m[1]) - lat) < tolerance && Math.abs(Number(m[2]) - lon) < tolerance;
  }, { lat: placed.lat, lon: placed.lon, tolerance: 2 * perPixel });
  const final = (await page.textContent('#gps-status')).match(/(-?\d+\.\d+), (-?\d+\.\d+)/);
  const kept = { lat: Number(final[1]), lon: Number(final[2]) };

  await page.tap('#submit-button');
  await page.waitForSelector('#done-view:not([hidden])');
  const trackingId = (await page.textContent('#tracking-id')).trim();
  const pin = (await page.textContent('#pin')).replace(/\D/g, '');
  const res = await fetch(`${env.server.url}api/v1/reports/${encodeURIComponent(trackingId)}/access`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin }),
  });
  const report = await res.json();
  assert.equal(res.status, 200);
  assert.ok(Math.abs(report.location.lat - kept.lat) < 1e-5, JSON.stringify(report.location));
  assert.ok(Math.abs(report.location.lon - kept.lon) < 1e-5, JSON.stringify(report.location));
  assert.equal(report.location.region_code, '64.71');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('tiles that fail leave the map usable and say so quietly; the form works without it', async () => {
  failTiles = true;
  const { context, page } = await openPhone(env.server.url);
  await page.tap('#map-open');
  await page.waitForFunction(() => /Gambar peta tidak dapat dimuat/.test(document.getElementById('map-status').textContent));
  // The region picker and the text field are untouched and usable.
  assert.equal(await page.isEnabled('#region-province'), true);
  assert.equal(await page.isEditable('#location-text'), true);
  await page.locator('[data-field="location.text"]').screenshot({ path: path.join(artifacts, 'map-submit-tiles-failed.png') });
  failTiles = false;
  await context.close();
});

test('the transparency map shows the published reports clustered at rounded positions', async () => {
  // Three public reports a few metres apart and one far away; one confidential one.
  const coordinator = await staffApi(env.server, 'koordinator');
  const file = async (lat, lon, extra = {}) => {
    const res = await fetch(env.server.url + 'api/v1/reports', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        classification: 'complaint', title: 'Lampu jalan mati di pelabuhan', incident_date: '2026-11-20',
        body: 'Lampu penerangan jalan mati sejak minggu lalu, jalan sangat gelap pada malam hari.',
        location: { text: 'Pelabuhan', lat, lon }, category: 'jalan-jembatan',
        reporter: { phone: '081234567890' }, anonymous: false, confidential: false, ...extra,
      }),
    });
    const { tracking_id: id } = await res.json();
    await coordinator.act(id, { action: 'forward', agency: 'DPUPR' });
    return id;
  };
  for (const d of [0, 0.0004, 0.0008]) await file(-1.2651234 + d, 116.8301234 + d);
  await file(-3.3191234, 114.5901234);
  await file(-1.2661234, 116.8311234, { confidential: true });

  const { context, page } = await openPhone(env.server.url + 'transparency.html');
  const positions = [];
  page.on('response', async (r) => {
    if (r.url().endsWith('/api/v1/public/map')) positions.push(await r.json());
  });
  assert.equal(await page.textContent('#map-open'), 'Tampilkan peta laporan');
  await page.tap('#map-open');
  await page.waitForSelector('#map-canvas .marker-cluster');
  await page.waitForSelector('#map-canvas img.leaflet-tile-loaded');
  const [data] = positions;
  assert.equal(data.items.length, 4);  // the confidential report is not there
  for (const r of data.items) {
    assert.equal(Math.round(r.lat * 1000) / 1000, r.lat);
    assert.equal(Math.round(r.lon * 1000) / 1000, r.lon);
  }
  // The three near ones are one cluster of 3 at the whole-map zoom; the far one stands alone.
  assert.deepEqual(await page.$$eval('#map-canvas .marker-cluster', (els) => els.map((e) => e.textContent.trim())), ['3']);
  assert.equal(await page.locator('#map-canvas .leaflet-marker-icon:not(.marker-cluster)').count(), 1);
  assert.match(await page.textContent('#map-status'), /4 laporan dengan posisi/);
  await page.screenshot({ path: path.join(artifacts, 'map-transparency.png'), fullPage: false });
  await page.locator('#map-canvas').screenshot({ path: path.join(artifacts, 'map-transparency-map.png') });
  assert.deepEqual(page.errors, []);
  await context.close();
});
