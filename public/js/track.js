// The tracking page: the tracking ID is checked by the wasm core before any request (a
// typo never reaches the server), then the report's status, deadline and public timeline.
import { loadCore } from './core.js';
import { getReport } from './api.js';
import { offerReporterActions, openReporterFile, reporterStep } from './citizen_actions.js';
import { deviceSession } from './device_token.js';
import { formatDateTime, formatNumber, initLanguageSwitch, onLangChange, t } from './i18n.js';
import { registerServiceWorker } from './pwa.js';
import { renderNextStep } from './next_step.js';
import { renderDeadline, renderTimeline, statusText } from './report_view.js';
import { formsReady, pageReady } from './ready.js';

const form = document.getElementById('track-form');
const input = document.getElementById('tracking-input');
const errorLine = document.getElementById('tracking-error');
const statusLine = document.getElementById('track-status');
const article = document.getElementById('report');

let core = null;
let shown = null;  // the report on screen, re-rendered when the language changes

function setError(code) {
  errorLine.textContent = code ? t('tracking.' + code) : '';
  input.setAttribute('aria-invalid', code ? 'true' : 'false');
}

function notice(text) {
  statusLine.textContent = text;
  statusLine.hidden = !text;
}

function text(id, value) { document.getElementById(id).textContent = value ?? '—'; }

function render(report) {
  shown = report;
  article.hidden = false;
  // The reporter's own view (opened with the PIN) carries its version; it speaks to them.
  const step = reporterStep(report);
  const mine = step !== null;
  renderNextStep(report, step);
  text('report-id', report.tracking_id);
  // Before verification (or once archived) a stranger sees only the status.
  const unpublished = report.published === false;
  text('report-title', report.title ?? t(unpublished ? 'track.unpublished' : 'track.hidden'));
  text('report-status', statusText(report.status, mine));
  text('report-category', report.category?.name);
  // No agency yet: the coordinator has not forwarded it and the reporter named none.
  text('report-agency', report.agency?.name ?? t('track.agency.none'));
  text('report-region', report.location?.region_name);
  text('report-location', report.location?.text);
  text('report-created', report.created_at && formatDateTime(report.created_at));
  document.getElementById('followers-row').hidden = !report.followers;
  text('report-followers', formatNumber(report.followers ?? 0));
  const body = document.getElementById('report-body');
  body.textContent = report.body ?? '';
  body.hidden = !report.body;

  const hint = document.getElementById('report-unpublished');
  hint.hidden = !unpublished;
  for (const el of article.querySelectorAll('[data-published-only]')) el.hidden = unpublished;
  document.getElementById('region-row').hidden ||= !report.location?.region_name;
  document.getElementById('location-row').hidden ||= !report.location?.text;
  renderDeadline(unpublished ? null : report.deadline, { mine });
  // Only the reporter's view lists files on its entries, and only those shown to them.
  renderTimeline(document.getElementById('timeline'), report.timeline ?? [],
    { openFile: mine ? openReporterFile : null });
}

async function track(typed, { focusResult = true } = {}) {
  const parsed = core ? core.parseTrackingId(typed) : { ok: true, display: typed.trim() };
  if (!parsed.ok) {
    setError(parsed.error);
    article.hidden = true;
    input.focus();
    return;
  }
  setError('');
  input.value = parsed.display;
  notice(t('loading'));
  const res = await getReport(parsed.display);
  if (res.ok) {
    notice('');
    history.replaceState(null, '', '?id=' + encodeURIComponent(parsed.display) + location.hash);
    const fragment = new URLSearchParams(location.hash.slice(1));
    const pin = fragment.get('pin') ?? '';
    // "linked": opened from My reports on a phone signed in with the report's contact.
    const linked = fragment.has('linked') && deviceSession() !== null;
    // With a PIN in the link, the reporter's view is drawn once, not the public view first
    // and then the other over it (the page jumped); the public view if the PIN fails.
    if (!pin && !linked) render(res.data);
    const opened = await offerReporterActions({ id: parsed.display, core, onReport: render, pin, linked });
    if ((pin || linked) && !opened) render(res.data);
    if (focusResult) document.getElementById('report-title').focus();
    return;
  }
  article.hidden = true;
  renderNextStep(null, null);
  document.getElementById('reporter-area').hidden = true;
  if (res.code === 'bad_check_character' || res.code === 'invalid_tracking_id') {
    notice('');
    setError(res.code === 'bad_check_character' ? 'bad_check_character' : 'bad_length');
  } else if (res.status === 404) {
    notice(t('track.notfound'));
  } else {
    notice(res.status === 0 ? t('submit.network') : res.message);
  }
}

async function main() {
  registerServiceWorker();
  initLanguageSwitch();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    track(input.value);
  });
  // Once the citizen has typed a full ID, say at once whether it has a typo.
  input.addEventListener('input', () => {
    if (!core) return;
    const p = core.parseTrackingId(input.value);
    setError(!p.ok && p.error !== 'bad_length' && p.error !== 'empty' ? p.error : '');
  });
  onLangChange(() => { if (shown) render(shown); });
  formsReady();
  core = await loadCore().catch(() => null);
  const id = new URLSearchParams(location.search).get('id');
  if (id) {
    input.value = id;
    await track(id, { focusResult: false });
  }
  pageReady();
}

main();
