// Runs tests/vectors/core.json through the wasm build of the core in node. The native run is
// tests/core/vectors_test.cpp; both must give the results written in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCore } from './load_core.mjs';

const vectors = JSON.parse(readFileSync(process.env.ADUAN_VECTORS, 'utf8'));
const core = await loadCore(process.env.ADUAN_WASM_DIR);
// What an action does is not in the page's core yet (wasm-client/effects_bindings.cpp).
const checks = await loadCore(process.env.ADUAN_WASM_DIR, 'aduan_core_checks');

function caseInput(c) {
  if ('replace' in c) return c.replace;
  return { ...vectors.validation.base, ...c.patch };
}

test('validation', () => {
  const { context, cases } = vectors.validation;
  assert.ok(cases.length >= 30);
  for (const c of cases) {
    const got = core.validateReport(caseInput(c), context);
    assert.deepEqual(got, c.errors, c.name);
  }
});

// The bindings read a coordinate typed as text (a form field) the way the server refuses it:
// a number is a number, and blanks or trailing characters are not (wasm-client/js_values.h).
test('coordinates typed as text', () => {
  const { context, base } = vectors.validation;
  const latErrors = (lat) =>
    core.validateReport({ ...base, location: { ...base.location, lat } }, context)
      .filter((e) => e.field === 'location.lat');
  assert.deepEqual(latErrors('-3.44'), []);
  assert.deepEqual(latErrors(' -3.44'), []);
  for (const bad of ['  ', '-3.44 ', '12abc', '-93']) {
    assert.equal(latErrors(bad).length, 1, JSON.stringify(bad));
  }
});

test('tracking IDs', () => {
  for (const c of vectors.tracking_ids) {
    const p = core.parseTrackingId(c.input);
    assert.equal(p.ok ? 'ok' : p.error, c.error, c.input);
    if (c.canonical) assert.equal(p.canonical, c.canonical);
  }
});

test('working days', () => {
  const w = vectors.working_days;
  for (const c of w.add) assert.equal(core.addWorkingDays(c.start, c.n, w.holidays), c.expect);
  for (const c of w.between) {
    assert.equal(core.workingDaysBetween(c.from, c.to, w.holidays), c.expect);
  }
  for (const c of w.colour) {
    assert.equal(core.deadlineColour(c.started, c.due, c.today, w.holidays), c.expect);
  }
  for (const c of w.stages) {
    assert.equal(core.stageDeadline(c.stage, c.tier, c.started, w.holidays).due, c.due);
  }
});

test('workflow', () => {
  for (const c of vectors.workflow) {
    const t = core.findTransition(c.from, c.action, c.role, c.agency);
    if (c.to === null) {
      assert.equal(t, null, JSON.stringify(c));
      continue;
    }
    assert.deepEqual(t, { to: c.to, clock: c.clock, stage: c.stage }, JSON.stringify(c));
  }
  for (const c of vectors.allowed_actions) {
    const got = core.allowedActions(c.status, c.role, c.agency);
    assert.deepEqual(got, c.expect, JSON.stringify(c));
  }
});

// What an action does: the same cases as the native run, the expected state being the
// defaults, the case's `before` and its `changes` in that order.
test('effects', () => {
  const { defaults, cases } = vectors.effects;
  assert.ok(cases.length >= 30);
  for (const c of cases) {
    const before = { ...defaults, ...c.before };
    const got = checks.decideAction(before, c.action, c.role, c.input, c.found, c.agency);
    const e = c.expect;
    assert.equal(got.refusal, e.refusal, c.name);
    assert.deepEqual(got.errors, e.errors ?? [], c.name);
    if (e.refusal !== 'none') continue;
    assert.equal(got.clock, e.clock, c.name);
    assert.deepEqual(got.after, { ...before, ...e.changes }, c.name);
    assert.deepEqual(got.events, e.events, c.name);
    assert.deepEqual(got.notices, e.notices, c.name);
    assert.equal(got.back_in_search, e.back_in_search ?? false, c.name);
    assert.equal(got.follow_original, e.follow_original ?? false, c.name);
  }
});

test('characters and phones', () => {
  for (const c of vectors.characters) assert.equal(core.countCharacters(c.text), c.count, c.text);
  for (const c of vectors.phones) {
    assert.equal(core.normalizePhone(c.input), c.normalized);
    assert.equal(core.checkPhone(c.input), c.error);
  }
});

// The numbers the home page's "how it works" shows are the ones the deadlines are computed
// with: each stage's due date lies that many working days after its start.
test('deadline policy', () => {
  const p = core.deadlinePolicy();
  const start = '2026-11-02';
  const after = (n) => core.addWorkingDays(start, n, []);
  const due = (stage, tier = 'normative') => core.stageDeadline(stage, tier, start, []).due;
  assert.equal(due('verification'), after(p.verification));
  assert.equal(due('first_response'), after(p.firstResponse));
  assert.equal(due('citizen_confirmation'), after(p.citizenConfirmation));
  for (const [tier, key] of [['light', 'light'], ['normative', 'normative'],
    ['no_investigation', 'noInvestigation'], ['investigation', 'investigation']]) {
    assert.equal(due('resolution', tier), after(p.resolution[key]), tier);
  }
  assert.ok(p.escalationAfterForward > 0);
});

test('contacts a citizen links reports to', () => {
  for (const c of vectors.contacts) {
    const got = core.parseContact(c.input);
    assert.deepEqual({ email: got.email, key: got.key, error: got.error, ok: got.ok },
      { email: c.email, key: c.key, error: c.error, ok: !c.error }, c.input);
  }
});
