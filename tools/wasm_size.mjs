// Prints the gzipped size of the wasm core (.wasm plus its JS glue), the figure the
// browser downloads. With --check, fails when it is over the 60 KB budget.
//   node tools/wasm_size.mjs [--check] build/wasm/wasm-client
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const check = args.includes('--check');
const dir = args.find((a) => a !== '--check') ?? 'build/wasm/wasm-client';
// 60 KB, the budget of the repeated-report work too; the first visit's 150 KB
// (tools/page_weight.mjs) is the budget that matters to a citizen.
const kBudget = 60 * 1024;

let total = 0;
for (const name of ['aduan_core.wasm', 'aduan_core.mjs']) {
  const raw = readFileSync(path.join(dir, name));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${name}: ${raw.length} bytes, ${gz} bytes gzipped`);
}
const ratio = (total / kBudget).toFixed(2);
console.log(`wasm core total: ${total} bytes gzipped (${(total / 1024).toFixed(1)} KB), ${ratio} of the 60 KB budget`);
if (check && total > kBudget) {
  console.error('over budget');
  process.exit(1);
}
