// Loads the wasm core built under build/wasm/wasm-client in node.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// `name`: aduan_core (what the pages load) or aduan_core_checks (the same and more, for tests).
export async function loadCore(dir, name = 'aduan_core') {
  if (!dir) throw new Error('ADUAN_WASM_DIR is not set');
  // The ES module output of Emscripten 3.1.6 reads __dirname when it runs in node.
  globalThis.__dirname = dir + path.sep;
  const { default: createAduanCore } = await import(pathToFileURL(path.join(dir, `${name}.mjs`)));
  return createAduanCore({ wasmBinary: readFileSync(path.join(dir, `${name}.wasm`)) });
}
