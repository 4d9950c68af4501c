// Loads the domain core (shared/ compiled to WebAssembly) once per page. The pages ask it
// for validation, tracking-ID checks, status groups and deadlines; they never re-implement
// a rule.
import createAduanCore from '/wasm/aduan_core.mjs';

let corePromise = null;

export function loadCore() {
  if (!corePromise) corePromise = createAduanCore();
  return corePromise;
}
