#!/usr/bin/env node
// Lists every error code the server can send, from its one table (kErrorCodes in
// server/http/error_codes.h; a code outside it does not compile), and the field codes of
// validation (kFieldCodeNames in shared/validation.cpp), so that a test can hold the pages'
// words and the OpenAPI document to them (tests/error_catalogue.test.mjs).
//
// Usage: tools/server_error_codes.mjs [--fields]   one code a line
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// {code: status} of kErrorCodes, in the table's order (status 0: the failure's own).
export function serverErrorCodes() {
  const text = readFileSync(path.join(root, 'server/http/error_codes.h'), 'utf8');
  const table = /kErrorCodes\[\]\s*=\s*\{([\s\S]*?)\n\};/.exec(text);
  if (!table) throw new Error('server/http/error_codes.h: kErrorCodes not found');
  const codes = {};
  for (const m of table[1].matchAll(/\{"([a-z0-9_]+)",\s*(\d+)\}/g)) codes[m[1]] = Number(m[2]);
  return codes;
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
