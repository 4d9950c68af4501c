// "My reports on any phone" on my.html: signing this phone in with a phone number or email
// and a one-time code, linking the reports sent from this phone, and the reports linked from
// other phones. The contact is checked by the wasm core (parseContact) before any request.
// Nothing here is needed to file or track a report.
import './device_link_messages.js';
import { loadCore } from './core.js';
import { linkReport, linkedReports, maskContact, requestCode, signIn, signOut, unlinkReport } from './device_link.js';
import { deviceSession } from './device_token.js';
import { fieldMessage, lang, t } from './i18n.js';
import { myReports } from './my_reports.js';
import { waitText } from './server_errors.js';

const $ = (id) => document.getElementById(id);

let linked = new Map();        // tracking ID -> the server's item, while signed in
const needsConsent = new Set();  // anonymous reports of this phone the citizen may still link
let pending = null;            // {contact, shown} while a code is on its way
let changed = () => {};
let say = () => {};

// The words for a failed call of this panel.
function problem(res) {
  if (res.status === 0) return t('link.network');
  if (res.status === 429) return t('link.limited', { wait: waitText(res.retryAfter || 60) });
  if (res.code === 'wrong_code') return t('link.wrong_code');
  if (res.code === 'contact_unreachable') return t('link.unreachable');
  if (res.code === 'validation_failed' && res.errors?.[0]) return fieldMessage('contact', res.errors[0].code);
  return res.message;  // the catalogue's words (server_errors.js through api.js)
}

export const isLinked = (trackingId) => linked.has(trackingId);
export const signedIn = () => deviceSession() !== null;

// The reports linked from other phones: not in this phone's list.
export function linkedElsewhere() {
  const here = new Set(myReports().map((r) => r.tracking_id));
  return [...linked.values()].filter((r) => !here.has(r.tracking_id));
}

// A button drawn as a link by default; my.js's rows use it too.
export function button(text, onClick, className = 'link') {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

// What a report of the list offers while signed in: its link state, and linking or
// unlinking it. An anonymous report asks first, in words, and is linked only on that tap.
export function linkControls(report) {
  if (!signedIn()) return [];
  const id = report.tracking_id;
  if (linked.has(id)) {
    const chip = document.createElement('span');
    chip.className = 'link-chip';
    chip.textContent = t('link.linked');
    return [chip, button(t('link.unlink', { id }), async () => {
      const res = await unlinkReport(id);
      if (res.ok) linked.delete(id);
      say(res.ok ? t('link.unlinked') : problem(res));
      refresh();
    })];
  }
  if (!report.pin) return [];
  if (needsConsent.has(id)) {
    const why = document.createElement('span');
    why.className = 'hint';
    why.textContent = t('link.anonymous');
    return [why, button(t('link.anonymous.confirm', { id }), () => link(report, true), 'secondary')];
  }
  return [button(t('link.link', { id }), () => link(report, false), 'secondary')];
}

async function link(report, consent) {
  const res = await linkReport(report.tracking_id, report.pin, consent);
  if (res.ok) {
    needsConsent.delete(report.tracking_id);
    linked.set(report.tracking_id, res.data);
  } else if (res.code === 'anonymous_needs_consent') {
    needsConsent.add(report.tracking_id);
  } else {
    say(problem(res));
  }
  refresh();
  return res.ok;
}

// Links every report of this phone the server takes without asking; anonymous ones wait for
// the citizen's own tap.
async function linkThisPhone() {
  let count = 0;
  for (const r of myReports()) {
    if (r.pin && !linked.has(r.tracking_id) && await link(r, false)) ++count;
  }
  if (count) say(t('link.done', { count }));
}

export async function refreshLinked() {
  if (!signedIn()) {
    linked = new Map();
    return;
  }
  const res = await linkedReports();
  if (res.ok) linked = new Map(res.data.items.map((r) => [r.tracking_id, r]));
  else if (res.status === 401) linked = new Map();
}

// The panel and the list again: a 401 on any call has signed this phone out.
function refresh() {
  renderPanel();
  changed();
}

function renderPanel() {
  const session = deviceSession();
  $('link-out').hidden = !!session;
  $('link-in').hidden = !session;
  $('link-code-form').hidden = !pending;
  $('link-contact-form').hidden = !!pending;
  if (session) $('link-who').textContent = t('link.signed_in', { contact: session.contact });
  if (pending) $('link-code-sent').textContent = t('link.sent', { contact: pending.shown });
}

async function sendCode(core) {
  const input = $('link-contact');
  const error = $('link-contact-error');
  // Without the core (it failed to load) the server checks the contact alone.
  const parsed = core ? core.parseContact(input.value) : { ok: true, key: input.value.trim(), raw: true };
  if (!parsed.ok) {
    error.textContent = fieldMessage('contact', parsed.error);
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  input.setAttribute('aria-invalid', 'false');
  const res = await requestCode(parsed.key, lang());
  if (!res.ok) {
    error.textContent = problem(res);
    return;
  }
  error.textContent = '';
  pending = { contact: parsed.key, shown: parsed.raw ? parsed.key : maskContact(parsed.key, parsed.email) };
  renderPanel();
  $('link-code').value = '';
  $('link-code').focus();
}

async function enterCode() {
  const input = $('link-code');
  const error = $('link-code-error');
  const code = input.value.replace(/\D/g, '');
  if (code.length !== 6) {
    error.textContent = t('link.code.invalid');
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  const res = await signIn(pending.contact, code, pending.shown);
  if (!res.ok) {
    error.textContent = problem(res);
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  error.textContent = '';
  input.setAttribute('aria-invalid', 'false');
  pending = null;
  await refreshLinked();
  renderPanel();
  await linkThisPhone();
  changed();
  $('link-who').focus();
}

async function leave(everywhere) {
  const res = await signOut(everywhere);
  if (!res.ok && res.status !== 401) {
    say(problem(res));
    return;
  }
  linked = new Map();
  needsConsent.clear();
  renderPanel();
  say(t(everywhere ? 'link.signed_out_all' : 'link.signed_out'));
  changed();
  $('link-contact').focus();
}

// Wires the panel; `onChange` re-renders the list, `announce` speaks a status line.
export async function initLinkPanel({ onChange, announce }) {
  changed = onChange;
  say = announce;
  renderPanel();
  const corePromise = loadCore().catch(() => null);
  $('link-contact-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    sendCode(await corePromise);
  });
  $('link-code-form').addEventListener('submit', (event) => { event.preventDefault(); enterCode(); });
  $('link-restart').addEventListener('click', () => { pending = null; renderPanel(); $('link-contact').focus(); });
  $('link-signout').addEventListener('click', () => leave(false));
  $('link-signout-all').addEventListener('click', () => leave(true));
  await refreshLinked();
  renderPanel();
  changed();
}

export const renderLinkPanel = renderPanel;
