// "My reports": what this phone sent (with each report's current status, or the last one
// seen when offline) and what is still waiting in the outbox.
import { getReport } from './api.js';
import { forgetReport, myReports, noteStatus } from './my_reports.js';
import { button, initLinkPanel, isLinked, linkControls, linkedElsewhere, renderLinkPanel } from './my_link.js';
import { dropWaiting, waitingReports } from './outbox.js';
import { registerServiceWorker, startOutbox } from './pwa.js';
import { formatDateTime, formatLocalDateTime, initLanguageSwitch, locale, onLangChange, t } from './i18n.js';
import { serverMessage } from './server_errors.js';
import { statusText } from './report_view.js';
import { formsReady, pageReady } from './ready.js';

const announce = (text) => { document.getElementById('mine-status').textContent = text; };

// One row of either list: the title as the link, the tracking ID, the status, a date line.
function reportItem(r, href, statusLabel, whenText) {
  const li = document.createElement('li');
  li.dataset.id = r.tracking_id;
  const link = document.createElement('a');
  link.href = href;
  link.textContent = r.title || r.tracking_id;
  link.setAttribute('aria-label', `${r.title} — ${t('mine.open', { id: r.tracking_id })}`);
  const id = document.createElement('span');
  id.className = 'tracking-id small';
  id.textContent = r.tracking_id;
  const status = document.createElement('span');
  status.className = 'mine-report-status';
  status.textContent = statusLabel;
  const when = document.createElement('span');
  when.textContent = whenText;
  li.append(link, id, status, when);
  return li;
}

async function renderWaiting() {
  const items = await waitingReports();
  document.getElementById('waiting').hidden = items.length === 0;
  const ul = document.getElementById('waiting-list');
  ul.replaceChildren(...items.map((item) => {
    const li = document.createElement('li');
    const title = document.createElement('strong');
    title.textContent = item.report.title;
    const info = document.createElement('span');
    info.textContent = [formatLocalDateTime(item.consent_at), item.files.length ? t('mine.files', { count: item.files.length }) : '']
      .filter(Boolean).join(' · ');
    li.append(title, info);
    if (item.refused) {
      const why = document.createElement('span');
      why.className = 'error';
      why.textContent = `${t('mine.refused')} ${serverMessage(item.refused)}`;
      li.append(why);
    } else if ((item.not_before ?? 0) > Date.now()) {
      const when = document.createElement('span');
      when.textContent = t('mine.waiting.until', {
        time: new Date(item.not_before).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' }),
      });
      li.append(when);
    }
    li.append(button(t('mine.cancel', { title: item.report.title }), async () => {
      await dropWaiting(item.key);
      announce(t('mine.forgotten'));
      renderWaiting();
    }));
    return li;
  }));
}

// Reports linked to the contact this phone signed in with, sent from another phone: opened
// with the phone's sign-in instead of a PIN.
function renderElsewhere() {
  const reports = linkedElsewhere();
  document.getElementById('elsewhere').hidden = reports.length === 0;
  document.getElementById('elsewhere-list').replaceChildren(...reports.map((r) => {
    // The reporter's own list: the statuses in the words that speak to them ("Anda").
    const li = reportItem(r, `/track.html?id=${encodeURIComponent(r.tracking_id)}#linked=1`,
      statusText(r.status, true), t('link.when', { date: formatDateTime(r.created_at) }));
    li.append(...linkControls(r));
    return li;
  }));
}

function renderSent() {
  renderElsewhere();
  const reports = myReports();
  document.getElementById('mine-empty').hidden = reports.length > 0;
  const ul = document.getElementById('mine-list');
  ul.replaceChildren(...reports.map((r) => {
    // The PIN rides in the fragment, which never reaches the server or its logs.
    const href = `/track.html?id=${encodeURIComponent(r.tracking_id)}` + (r.pin ? `#pin=${encodeURIComponent(r.pin)}` : (isLinked(r.tracking_id) ? '#linked=1' : ''));
    const li = reportItem(r, href, r.status ? statusText(r.status, true) : '…',
      r.sent_at ? t('mine.sent_at', { date: formatDateTime(r.sent_at) }) : '');
    li.append(...linkControls(r), button(t('mine.forget', { id: r.tracking_id }), () => {
      forgetReport(r.tracking_id);
      announce(t('mine.forgotten'));
      renderSent();
      document.getElementById('sent-heading').focus?.();
    }));
    return li;
  }));
}

// Current statuses, one request per report (a phone sends few); offline, the last seen.
async function refreshStatuses() {
  await Promise.all(myReports().map(async (r) => {
    const res = await getReport(r.tracking_id);
    if (res.ok) noteStatus(r.tracking_id, res.data.status);
  }));
  renderSent();
}

async function render() {
  renderSent();
  await renderWaiting();
}

async function main() {
  registerServiceWorker();
  initLanguageSwitch();
  onLangChange(() => { render(); renderLinkPanel(); });
  await render();
  const linkStatus = document.getElementById('link-status');
  await initLinkPanel({ onChange: renderSent, announce: (text) => { linkStatus.textContent = text; linkStatus.hidden = !text; } });
  formsReady();
  const flush = startOutbox(() => { render(); refreshStatuses(); });
  // The citizen's "now" tries a report the server asked to wait for too; a second 429 sets
  // its wait again.
  document.getElementById('send-now').addEventListener('click', async () => { await flush({ force: true }); render(); });
  await refreshStatuses();
  pageReady();
}

main();
