// One catalogue for the server's errors: every code the server can send (its one table,
// server/http/error_codes.h, read by tools/server_error_codes.mjs) has words in Bahasa
// Indonesia and in English in public/js/server_errors.js and is listed in the OpenAPI
// document; every field code of validation has its words in the pages' catalogue (the
// citizen's, or the staff panel's for the codes of staff actions). A new code without words
// fails here, not in front of a citizen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fieldErrorCodes, serverErrorCodes } from '../tools/server_error_codes.mjs';

// The pages' modules run in node; setLang repaints a page, so it gets an empty one.
globalThis.document = { documentElement: {}, querySelectorAll: () => [] };
const i18n = await import('../public/js/i18n.js');
const { kServerErrors, serverMessage } = await import('../public/js/server_errors.js');
await import('../public/js/staff/messages.js');  // the staff panel's field codes (actions)

const inLang = (lang, fn) => { i18n.setLang(lang); try { return fn(); } finally { i18n.setLang('id'); } };

test('the table of error codes is read whole, one status each', () => {
  const codes = serverErrorCodes();
  assert.equal(codes.rate_limited, 429);
  assert.equal(codes.validation_failed, 422);
  assert.equal(codes.storage_full, 503);
  assert.equal(codes.request_failed, 0);  // the status of what failed
  assert.ok(Object.keys(codes).length >= 60);
  const sorted = [...Object.keys(codes)].sort();
  assert.deepEqual(Object.keys(codes), sorted, 'keep kErrorCodes sorted by code');
});

test('the OpenAPI document lists exactly the codes of the table', () => {
  const doc = JSON.parse(readFileSync(new URL('../server/data/openapi.json', import.meta.url)));
  const listed = doc.components.schemas.Error.properties.error.properties.code.enum;
  assert.deepEqual(listed, Object.keys(serverErrorCodes()),
    'the Error schema\'s code enum in server/data/openapi.json must be kErrorCodes\' codes, in order');
});

test('every error code the server sends has words in both languages', () => {
  const missing = [];
  for (const code of Object.keys(serverErrorCodes())) {
    const id = kServerErrors.id[code];
    const en = kServerErrors.en[code];
    if (!id) missing.push(`id: ${code}`);
    if (!en) missing.push(`en: ${code}`);
    if (id && id === en) missing.push(`id is the English text: ${code}`);
  }
  assert.deepEqual(missing, [], 'add these to public/js/server_errors.js');
});

test('the catalogue holds no code the server no longer sends', () => {
  const sent = new Set([...Object.keys(serverErrorCodes()), 'network', 'unknown']);
  for (const lang of ['id', 'en']) {
    assert.deepEqual(Object.keys(kServerErrors[lang]).filter((c) => !sent.has(c)), [], lang);
  }
});

test('every field code has words in both languages', () => {
  const missing = [];
  for (const code of fieldErrorCodes()) {
    const key = `error.${code}`;
    const id = i18n.t(key);
    const en = inLang('en', () => i18n.t(key));
    if (id === key) missing.push(`id: ${code}`);
    // t() falls back to Indonesian: the same text means no English.
    if (en === key || en === id) missing.push(`en: ${code}`);
  }
  assert.deepEqual(missing, [], 'add error.<code> to public/js/i18n.js');
});

test('a limit\'s wait is said in words, and the server\'s English never shows', () => {
  const limited = { status: 429, code: 'rate_limited', retryAfter: 700 };
  assert.equal(serverMessage(limited), 'Terlalu banyak permintaan dari sambungan ini. Coba lagi dalam 12 menit.');
  assert.equal(inLang('en', () => serverMessage(limited)), 'Too many requests from this connection. Try again in 12 minutes.');
  assert.match(serverMessage({ ...limited, retryAfter: 30 }), /dalam 30 detik\.$/);
  assert.match(serverMessage({ ...limited, retryAfter: 7200 }), /dalam 2 jam\.$/);
  assert.equal(serverMessage({ status: 0, code: 'network' }), kServerErrors.id.network);
  // A code this page does not know still reads as Indonesian, with its status.
  assert.equal(serverMessage({ status: 418, code: 'teapot' }), 'Permintaan gagal (kode 418).');
});

// A key written twice in a language's catalogue is silently the later text: the API keys
// page once read "Tombol pintas" (the queue's shortcuts) as its heading. Across every file
// that adds messages, each key is written once per language.
test('no message key is written twice in one language', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const root = new URL('../public/js/', import.meta.url);
  const files = [...readdirSync(root).map((f) => new URL(f, root)),
    ...readdirSync(new URL('staff/', root)).map((f) => new URL('staff/' + f, root))]
    .filter((u) => u.pathname.endsWith('.js'));
  const seen = new Map();
  const twice = [];
  let blocks = 0;
  for (const file of files) {
    let language = null;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const open = line.match(/^\s*(id|en): \{\s*$/);
      if (open) { language = open[1]; ++blocks; continue; }
      if (language && /^\s{0,2}\},?\s*$/.test(line)) { language = null; continue; }
      const key = language && line.match(/^\s+(?:'([^']+)'|([a-z_]+)):/);
      if (!key) continue;
      const where = `${language} ${key[1] ?? key[2]}`;
      const file_name = file.pathname.split('/public/js/')[1];
      if (seen.has(where)) twice.push(`${where} (${seen.get(where)}, ${file_name})`);
      else seen.set(where, file_name);
    }
  }
  assert.ok(blocks >= 8 && seen.size > 500, `read ${blocks} catalogues, ${seen.size} keys`);
  assert.deepEqual(twice, []);
});
