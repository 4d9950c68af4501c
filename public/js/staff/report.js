// A report as the staff see it: content, reporter (unless anonymous for agency roles), the
// whole timeline with internal notes, the deadline, and the actions the workflow allows
// this role now.
import { getAgencies, getCategories } from '../api.js';
import { showErrors } from '../form_fields.js';
import { loadCore } from '../core.js';
import { formatDate, formatDateTime, onLangChange, setFieldLimits, t } from '../i18n.js';
import { renderDeadline, renderTimeline } from '../report_view.js';
import { act, cannedResponses, markInboxRead, officers, report, similarReports } from './api.js';
import { setInboxCount } from './inbox_badge.js';
import { buildActionForm, readActionForm } from './action_forms.js';
import { addCannedPicker } from './canned_picker.js';
import { addFilePicker, fileErrors, uploadPickedFiles } from './entry_files_picker.js';
import { offerInForwardForm } from '../category_suggest.js';
import { startReportNav } from './report_nav.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

const id = new URLSearchParams(location.search).get('id') ?? '';
const status = document.getElementById('report-notice');
const actionArea = document.getElementById('action-area');
let ctx = { report: null, agencies: [], categories: [], officers: [] };
let core = null;
let principal = null;
let nav = null;

function notice(text, withReload = false, after = null) {
  status.replaceChildren(text);
  if (after) status.append(' ', after);
  if (withReload) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = t('report.reload');
    button.addEventListener('click', () => location.reload());
    status.append(' ', button);
  }
  status.hidden = !text;
}

function text(elementId, value) { document.getElementById(elementId).textContent = value ?? '—'; }

// A report with an agency that works in its own system: waiting to be sent, or its number
// there with the status last read.
function renderExternal(e) {
  document.getElementById('external-row').hidden = !e;
  if (!e) return;
  const remote = e.remote_status ? t('report.external.status.' + e.remote_status) : t('report.external.unread');
  text('report-external', e.posted_at
    ? t('report.external.sent', { id: e.service_request_id || '—', status: remote, at: formatDateTime(e.posted_at) })
    : t('report.external.waiting'));
}

function renderDetails(r) {
  text('report-id', r.tracking_id);
  text('report-title', r.title);
  text('report-status', t('status.' + r.status));
  text('report-classification', t('classification.' + r.classification));
  text('report-category', r.category?.name);
  text('report-agency', r.agency?.name);
  text('report-assigned', r.assigned_to || t('report.assigned.none'));
  renderExternal(r.external);
  text('report-incident', r.incident_date ? formatDate(r.incident_date) : null);
  text('report-location', [r.location?.text, r.location?.region_name].filter(Boolean).join(' — '));
  text('report-tier', t('tier.' + r.tier));
  text('report-body', r.body);
  text('report-escalation', r.escalation_due ? formatDate(r.escalation_due) : null);
  document.getElementById('escalation-row').hidden = !r.escalation_due;
  document.getElementById('followers-row').hidden = !r.followers;
  text('report-followers', String(r.followers ?? 0));
  const reporter = document.getElementById('report-reporter');
  if (r.reporter_hidden) {
    reporter.textContent = t('report.reporter.hidden');
  } else {
    const parts = [r.reporter.name, r.reporter.phone, r.reporter.email, r.reporter.nik && 'NIK ' + r.reporter.nik];
    reporter.textContent = parts.filter(Boolean).join(' · ');
  }
  renderDeadline(r.deadline);
  // The server says whether a year the deadlines span has holidays no admin has confirmed.
  const provisional = document.getElementById('deadline-provisional');
  provisional.hidden = !r.deadline_provisional;
  provisional.textContent = r.deadline_provisional
    ? t('report.provisional', { years: (r.unconfirmed_holiday_years ?? []).join(', ') }) : '';
}

// What this role may do now on this report, by the core's workflow and the rules of the
// agency holding it (its officers may resolve when it allows).
const allowedNow = (r) => (core ? core.allowedActions(r.status, principal.role, r.agency_rules) : []);

// An entry's file, through the staff's download (who may fetch it is the server's check).
const staffFile = (a) => `/api/v1/staff/reports/${encodeURIComponent(ctx.report.tracking_id)}/attachments/${a.position}`;

function renderActions(r) {
  const buttons = document.getElementById('action-buttons');
  buttons.replaceChildren();
  actionArea.replaceChildren();
  const allowed = allowedNow(r);
  document.getElementById('actions-none').hidden = allowed.length > 0;
  for (const action of allowed) {
    const b = document.createElement('button');
    b.type = 'button';
    // Ending a report without a follow-up (archive) is drawn as the one destructive choice.
    b.className = action === 'comment' ? 'secondary' : action === 'archive' ? 'danger' : 'primary';
    b.textContent = t('verb.' + action);
    b.addEventListener('click', () => openForm(action));
    buttons.append(b);
  }
  // Any staff member who works on reports may make one more private, in any status; the
  // server keeps loosening for the reporter.
  const mayTighten = core && ['anonymous', 'confidential'].some((flag) =>
    core.privacyChangeErrors(principal.role, !!r.anonymous, !!r.confidential, { [flag]: true }).length === 0);
  if (mayTighten) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = t('verb.privacy');
    b.addEventListener('click', () => openForm('privacy'));
    buttons.append(b);
    document.getElementById('actions-none').hidden = true;
  }
}

// The open reports with the same substance, best first; a likely duplicate can be marked
// from here (the archive form, filled in).
async function renderSimilar(r) {
  const section = document.getElementById('similar-section');
  const res = await similarReports(r.tracking_id);
  const items = res.ok ? res.data.items : [];
  section.hidden = items.length === 0;
  const canArchive = allowedNow(r).includes('archive');
  document.getElementById('similar-list').replaceChildren(...items.map((m) => {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('a'), { href: '/staff/report.html?id=' + encodeURIComponent(m.tracking_id), textContent: `${m.tracking_id} — ${m.title}` }));
    const meta = [t('similar.score', { score: Math.round(m.score * 100) }), t('status.' + m.status)];
    if (m.followers) meta.push(t('similar.followers', { n: m.followers }));
    if (m.likely_duplicate) meta.unshift(t('similar.likely'));
    li.append(Object.assign(document.createElement('p'), { className: 'queue-meta', textContent: meta.join(' · ') }));
    if (canArchive) {
      const b = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: t('similar.mark') });
      b.setAttribute('aria-label', t('similar.mark.label', { id: m.tracking_id }));
      b.addEventListener('click', () => {
        openForm('archive');
        const form = actionArea.querySelector('form');
        form.elements.archive_reason.value = 'duplicate';
        form.elements.duplicate_of.value = m.tracking_id;
        form.elements.archive_reason.dispatchEvent(new Event('change'));
        form.querySelector('textarea, button[type="submit"]')?.focus();
      });
      li.append(b);
    }
    return li;
  }));
}

// Photos shown at a readable size (each opens whole in a new tab); PDFs as downloads. The
// files come with the staff session, only for staff who may read the report.
function renderAttachments(r) {
  const files = r.attachments ?? [];
  document.getElementById('files-section').hidden = files.length === 0;
  document.getElementById('files-list').replaceChildren(...files.map((a) => {
    const url = `/api/v1/staff/reports/${encodeURIComponent(r.tracking_id)}/attachments/${a.position}`;
    const photo = a.content_type !== 'application/pdf';
    const name = t(photo ? 'attachment.photo' : 'attachment.document', { n: a.position });
    const link = Object.assign(document.createElement('a'), { href: url, target: '_blank', rel: 'noopener' });
    if (photo) {
      const img = Object.assign(document.createElement('img'), { src: url, alt: name, loading: 'lazy' });
      if (a.width && a.height) { img.width = a.width; img.height = a.height; }
      link.append(img);
    } else {
      link.textContent = `${name} (PDF)`;
      link.download = `lampiran-${a.position}.pdf`;
    }
    const li = document.createElement('li');
    li.append(link);
    return li;
  }));
}

function render(r) {
  ctx.report = r;
  renderAttachments(r);
  document.getElementById('report').hidden = false;
  renderDetails(r);
  renderTimeline(document.getElementById('timeline'), r.timeline, { openFile: staffFile });
  renderActions(r);
  renderSimilar(r);
}

function openForm(action) {
  if (core) setFieldLimits({ note: core.noteLimits(action), attachments: { max: core.maxActionAttachments(action) } });
  const form = buildActionForm(action, { ...ctx, core, role: principal.role });
  addCannedPicker(form, ctx.canned);
  addFilePicker(form, core);
  actionArea.replaceChildren(form);
  form.querySelector('button[value="cancel"]').addEventListener('click', () => actionArea.replaceChildren());
  form.addEventListener('submit', (event) => submit(event, form));
  // The form's own first field; the canned-response picker is a help beside the note.
  form.querySelector('select:not(#canned-pick), textarea, input')?.focus();
  if (action === 'forward') offerInForwardForm(form, ctx.report, core, ctx);
}

async function submit(event, form) {
  event.preventDefault();
  const body = readActionForm(form);
  const context = { agencies: ctx.agencies.map((a) => a.code), categories: ctx.categories.map((c) => c.code) };
  const errors = core ? core.validateAction(body.action, body, context) : [];
  showErrors(form, errors, null);
  if (errors.length) {
    form.querySelector('[aria-invalid="true"]')?.focus();
    return;
  }
  body.version = ctx.report.version;
  const line = form.querySelector('#action-error');
  form.querySelector('button[type="submit"]').disabled = true;
  // The files first: the action names the finished uploads.
  const files = core ? await uploadPickedFiles(form, core, (i, n) => { line.textContent = t('form.files.sending', { n: i + 1, of: n }); }) : { ids: [] };
  line.textContent = '';
  if (files.errors) {
    form.querySelector('button[type="submit"]').disabled = false;
    showErrors(form, files.errors, null);
    return;
  }
  if (files.ids.length) body.attachments = files.ids;
  const res = await act(id, body);
  form.querySelector('button[type="submit"]').disabled = false;
  if (res.ok) {
    // Done: the way on to the next report of the queue takes the focus, so that Enter
    // moves on; without one, the report's title does.
    const next = nav?.nextLink();
    if (res.data.tracking_id) {
      render(res.data);
      notice(t('report.done'), false, next);
    } else {
      // The report left this person's reach (an agency returned it).
      document.getElementById('report').hidden = true;
      notice(t('report.moved'), false, next);
    }
    (next ?? document.getElementById('report-title')).focus();
    return;
  }
  if (res.status === 422) {
    showErrors(form, fileErrors(res.errors), null);
    return;
  }
  if (res.code === 'stale_version') {
    line.textContent = '';
    notice(t('report.stale'), true);
    return;
  }
  line.textContent = res.code === 'action_not_allowed' ? t('report.notallowed')
    : res.status === 0 ? t('submit.network') : res.message;
}

async function main() {
  principal = await startStaffPage();
  // The canned responses of the agency (or the coordinators' own), for the notes' picker.
  const hasCanned = ['coordinator', 'agency_admin', 'agency_officer'].includes(principal.role);
  const [coreResult, agencies, categories, staff, loaded, canned] = await Promise.all([
    loadCore().catch(() => null), getAgencies(), getCategories(),
    principal.role === 'agency_admin' ? officers() : Promise.resolve({ ok: true, data: [] }),
    report(id),
    hasCanned ? cannedResponses() : Promise.resolve({ ok: false }),
  ]);
  core = coreResult;
  ctx = {
    report: null,
    agencies: agencies.ok ? agencies.data : [],
    categories: categories.ok ? categories.data : [],
    officers: staff.ok ? staff.data : [],
    canned: canned.ok ? canned.data : null,
  };
  if (loaded.ok) {
    render(loaded.data);
    // Opening the report reads its inbox items (the system admin has no inbox, nor a report).
    markInboxRead({ tracking_id: loaded.data.tracking_id }).then((res) => { if (res.ok) setInboxCount(res.data.unread); });
  } else {
    notice(t('report.notfound'));
  }
  nav = startReportNav(id, {
    openAction(action) {
      const allowed = ctx.report ? allowedNow(ctx.report) : [];
      if (!allowed.includes(action)) return false;
      openForm(action);
      return true;
    },
    closeAction: () => actionArea.replaceChildren(),
  });
  onLangChange(() => {
    if (ctx.report) render(ctx.report);
    nav.placeText();
  });
  pageReady();
}

main();
