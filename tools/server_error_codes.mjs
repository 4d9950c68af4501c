#!/usr/bin/env node
// Lists every error code the server can send, read from its source, so that a test can
// check that the pages have words for each (tests/error_catalogue.test.mjs).
//
// What it relies on, and checks:
// - an error response is made by send_error(res, STATUS, "code", ...) with the code as a
//   string literal (the call may span lines); send_status_error's codes are such calls too;
// - the storage faults are the rows {SQLITE_..., "code", ...} of http_errors.cpp's table,
//   the one send_error that passes a variable (f.name);
// - a JSON error built by hand is {"error", {{"code", "..."}, ...}} (the upload's
//   offset_mismatch, which carries the offset beside it);
// - a workflow action's refusals are the rows `return {STATUS, "code", ...}` of act_error in
//   route_helpers.cpp, sent whole (send_act_error) or as one report's line of a bulk action;
// - the field codes of validation are the strings of kFieldCodeNames in
//   shared/validation.cpp.
// Any other send_error call (a code in a variable) makes the listing fail, naming the place,
// instead of leaving that code out without a word.
//
// Usage: tools/server_error_codes.mjs [--fields]   one code a line
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const kCall = /send_error\(\s*\w+,\s*(\d{3}|\w+),\s*"([a-z0-9_]+)"/g;
const kAnyCall = /(?<![\w:])send_error\(/g;
const kFault = /\{SQLITE_[A-Z]+,\s*"([a-z0-9_]+)"/g;
const kJsonError = /\{"error",\s*\{\{"code",\s*"([a-z0-9_]+)"\}/g;
const kActError = /return \{(\d{3}),\s*"([a-z0-9_]+)"/g;
// The calls that pass their code in a variable, and where it comes from.
const kKnownIndirect = ['send_error(res, 503, f.name', 'send_error(res, e.status, e.code'];

function serverSources() {
  const dir = path.join(root, 'server');
  return readdirSync(dir).filter((f) => f.endsWith('.cpp'))
    .map((f) => ({ file: 'server/' + f, text: readFileSync(path.join(dir, f), 'utf8') }));
}

// {code: [status, ...]} of every error response in server/*.cpp.
export function serverErrorCodes() {
  const codes = new Map();
  const add = (code, status) => {
    if (!codes.has(code)) codes.set(code, new Set());
    if (/^\d+$/.test(status)) codes.get(code).add(Number(status));
  };
  for (const { file, text } of serverSources()) {
    const literal = [...text.matchAll(kCall)];
    for (const m of literal) add(m[2], m[1]);
    for (const m of text.matchAll(kFault)) add(m[1], 503);
    for (const m of text.matchAll(kJsonError)) add(m[1]);
    for (const m of text.matchAll(kActError)) add(m[2], m[1]);
    // Every call is one of the kinds above; the definition in http_errors.cpp is not a call.
    const calls = [...text.matchAll(kAnyCall)].filter((m) => !/void\s+$/.test(text.slice(0, m.index)));
    const literalAt = new Set(literal.map((m) => m.index));
    for (const m of calls) {
      const rest = text.slice(m.index, m.index + 60).replace(/\s+/g, ' ');
      if (literalAt.has(m.index) || kKnownIndirect.some((k) => rest.startsWith(k))) continue;
      const line = text.slice(0, m.index).split('\n').length;
      throw new Error(`${file}:${line}: send_error without a literal code (${rest}...); ` +
        'write the code as a string literal so that the pages can be checked for its words');
    }
  }
  return Object.fromEntries([...codes].sort().map(([c, s]) => [c, [...s].sort()]));
}

// The codes a field error can carry ({"field", "code"} in "errors").
export function fieldErrorCodes() {
  const text = readFileSync(path.join(root, 'shared/validation.cpp'), 'utf8');
  const table = /kFieldCodeNames\s*=\s*\{([^}]*)\}/.exec(text);
  if (!table) throw new Error('shared/validation.cpp: kFieldCodeNames not found');
  return [...table[1].matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const list = process.argv.includes('--fields') ? fieldErrorCodes() : Object.keys(serverErrorCodes());
  console.log(list.join('\n'));
}
